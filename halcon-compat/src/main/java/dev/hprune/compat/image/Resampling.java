package dev.hprune.compat.image;

/**
 * Separable resampling for {@code zoom_image_size}. Each output position along an axis is a weighted sum of source
 * positions; pixel centres are aligned (output pixel i covers source range [i*s, (i+1)*s) with s = source/target).
 */
final class Resampling {
    private Resampling() {}

    enum Mode {
        NEAREST,
        BILINEAR,
        /** Area average when shrinking (each source pixel weighted by its overlap), bilinear when enlarging. */
        AREA
    }

    /** Weights of one axis: for output i, source indices {@code index[i][k]} with weights {@code weight[i][k]}. */
    record Axis(int[][] index, float[][] weight) {}

    static Axis axis(int source, int target, Mode mode) {
        int[][] index = new int[target][];
        float[][] weight = new float[target][];
        double scale = (double) source / target;
        for (int i = 0; i < target; i++) {
            if (mode == Mode.NEAREST) {
                index[i] = new int[] {Math.min(source - 1, (int) Math.floor((i + 0.5) * scale))};
                weight[i] = new float[] {1f};
            } else if (mode == Mode.AREA && scale > 1) {
                double begin = i * scale;
                double end = (i + 1) * scale;
                int first = (int) Math.floor(begin);
                int last = Math.min(source - 1, (int) Math.ceil(end) - 1);
                index[i] = new int[last - first + 1];
                weight[i] = new float[last - first + 1];
                for (int s = first; s <= last; s++) {
                    double overlap = Math.min(end, s + 1) - Math.max(begin, s);
                    index[i][s - first] = s;
                    weight[i][s - first] = (float) (overlap / scale);
                }
            } else {
                double centre = Math.max(0, Math.min(source - 1, (i + 0.5) * scale - 0.5));
                int low = (int) Math.floor(centre);
                int high = Math.min(source - 1, low + 1);
                float frac = (float) (centre - low);
                index[i] = new int[] {low, high};
                weight[i] = new float[] {1f - frac, frac};
            }
        }
        return new Axis(index, weight);
    }

    static Image resize(Image image, int width, int height, Mode mode) {
        Axis columns = axis(image.width(), width, mode);
        Axis rows = axis(image.height(), height, mode);
        float[] source = image.toPlanar();
        int sourcePlane = image.width() * image.height();
        float[] horizontal = new float[image.height() * width];
        float[] result = new float[image.channels() * width * height];
        for (int c = 0; c < image.channels(); c++) {
            int base = c * sourcePlane;
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < width; x++) {
                    horizontal[y * width + x] = weighted(source, base + y * image.width(), 1,
                            columns.index()[x], columns.weight()[x]);
                }
            }
            int target = c * width * height;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    result[target + y * width + x] = image.type().represent(
                            weighted(horizontal, x, width, rows.index()[y], rows.weight()[y]));
                }
            }
        }
        return Image.owning(image.type(), width, height, image.channels(), result);
    }

    private static float weighted(float[] data, int offset, int stride, int[] index, float[] weight) {
        float sum = 0;
        for (int k = 0; k < index.length; k++) {
            sum += weight[k] * data[offset + index[k] * stride];
        }
        return sum;
    }
}
