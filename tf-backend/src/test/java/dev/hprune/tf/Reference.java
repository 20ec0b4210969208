package dev.hprune.tf;

import dev.hprune.compat.graph.Tensor;

/** Plain-Java reference implementations of the NCHW operators, written from the ONNX definitions. */
final class Reference {
    private Reference() {}

    /** ONNX Conv with explicit pads [top, left, bottom, right]. */
    static Tensor conv(Tensor x, Tensor w, Tensor bias, int group, long[] strides, long[] dilations, long[] pads) {
        int n = (int) x.dim(0), c = (int) x.dim(1), h = (int) x.dim(2), wd = (int) x.dim(3);
        int o = (int) w.dim(0), cg = (int) w.dim(1), kh = (int) w.dim(2), kw = (int) w.dim(3);
        int oh = (int) ((h + pads[0] + pads[2] - dilations[0] * (kh - 1) - 1) / strides[0] + 1);
        int ow = (int) ((wd + pads[1] + pads[3] - dilations[1] * (kw - 1) - 1) / strides[1] + 1);
        int og = o / group;
        float[] y = new float[n * o * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                int g = oc / og;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = bias == null ? 0 : bias.floatAt(oc);
                        for (int ic = 0; ic < cg; ic++) {
                            int ch = g * cg + ic;
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    long yy = i * strides[0] - pads[0] + p * dilations[0];
                                    long xx = j * strides[1] - pads[1] + q * dilations[1];
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < wd) {
                                        sum += x.floatAt((int) (((b * c + ch) * h + yy) * wd + xx))
                                                * w.floatAt(((oc * cg + ic) * kh + p) * kw + q);
                                    }
                                }
                            }
                        }
                        y[((b * o + oc) * oh + i) * ow + j] = (float) sum;
                    }
                }
            }
        }
        return Tensor.ofFloats(new long[] {n, o, oh, ow}, y);
    }

    /**
     * ONNX MaxPool/AveragePool with pads [top, left, bottom, right], computed directly from the definition: output size
     * with ceil or floor, the last window must start inside input or begin padding; averages count in-input cells,
     * plus explicit padding cells when countIncludePad.
     */
    static Tensor pool(Tensor x, boolean max, long[] k, long[] s, long[] pads, boolean ceil, boolean countIncludePad) {
        int n = (int) x.dim(0), c = (int) x.dim(1), h = (int) x.dim(2), wd = (int) x.dim(3);
        int oh = outSize(h, k[0], s[0], pads[0], pads[2], ceil);
        int ow = outSize(wd, k[1], s[1], pads[1], pads[3], ceil);
        float[] y = new float[n * c * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int count = 0;
                        for (int p = 0; p < k[0]; p++) {
                            for (int q = 0; q < k[1]; q++) {
                                long yy = i * s[0] - pads[0] + p;
                                long xx = j * s[1] - pads[1] + q;
                                boolean inside = yy >= 0 && yy < h && xx >= 0 && xx < wd;
                                boolean inPad = yy >= -pads[0] && yy < h + pads[2] && xx >= -pads[1] && xx < wd + pads[3];
                                if (inside) {
                                    float v = x.floatAt((int) (((b * c + ch) * h + yy) * wd + xx));
                                    acc = max ? Math.max(acc, v) : acc + v;
                                }
                                if (inside || countIncludePad && inPad) {
                                    count++;
                                }
                            }
                        }
                        y[((b * c + ch) * oh + i) * ow + j] = (float) (max ? acc : acc / count);
                    }
                }
            }
        }
        return Tensor.ofFloats(new long[] {n, c, oh, ow}, y);
    }

    private static int outSize(long in, long k, long s, long begin, long end, boolean ceil) {
        double raw = (double) (in + begin + end - k) / s;
        long out = (ceil ? (long) Math.ceil(raw) : (long) Math.floor(raw)) + 1;
        if (ceil && (out - 1) * s >= in + begin) {
            out--;
        }
        return (int) out;
    }

    /** Mean softmax cross-entropy of [N, C] logits, in double. */
    static double meanCrossEntropy(Tensor logits, long[] labels) {
        int n = (int) logits.dim(0), c = (int) logits.dim(1);
        double total = 0;
        for (int b = 0; b < n; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, logits.floatAt(b * c + k));
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                sum += Math.exp(logits.floatAt(b * c + k) - max);
            }
            total += Math.log(sum) + max - logits.floatAt((int) (b * c + labels[b]));
        }
        return total / n;
    }
}
