package dev.hprune.procedures;

/**
 * The classification measures of evaluate_dl_model, computed from what the evaluation collected: per sample its label
 * and the model's class ids by descending confidence. HALCON's calculate_image_classification_measures computes them on
 * tuples; this is the same arithmetic on arrays, kept apart from the dict plumbing so it can be checked by hand.
 *
 * <p>The confusion matrix has one row and one column per model class, in the order of {@code classIds}: rows are the
 * predicted (top-1) class, columns the ground truth, as HALCON's matrix. HALCON indexes the matrix by class id and so
 * assumes ids 0..n-1; here ids are mapped to their position instead.
 */
final class ClassificationMeasures {
    private final long[] classIds;
    private final long[] labels;
    private final long[][] ranked;

    /**
     * @param classIds the model's class ids, the confusion matrix's row and column order
     * @param labels   the ground-truth class id of each evaluated sample
     * @param ranked   per sample, the predicted class ids by descending confidence (at least the largest K asked for)
     */
    ClassificationMeasures(long[] classIds, long[] labels, long[][] ranked) {
        this.classIds = classIds.clone();
        this.labels = labels.clone();
        this.ranked = ranked.clone();
    }

    int sampleCount() {
        return labels.length;
    }

    /** Number of evaluated samples labelled {@code classId}. */
    int count(long classId) {
        int n = 0;
        for (long label : labels) {
            n += label == classId ? 1 : 0;
        }
        return n;
    }

    /**
     * 1 - (samples whose label is among their first K predictions) / samples, over all samples ({@code onlyClass}
     * null) or over those labelled {@code onlyClass}. NaN when no sample is counted.
     */
    double topKError(int k, Long onlyClass) {
        int counted = 0;
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            if (onlyClass != null && labels[i] != onlyClass) {
                continue;
            }
            counted++;
            int limit = Math.min(k, ranked[i].length);
            for (int j = 0; j < limit; j++) {
                if (ranked[i][j] == labels[i]) {
                    hits++;
                    break;
                }
            }
        }
        return counted == 0 ? Double.NaN : 1.0 - hits / (double) counted;
    }

    /**
     * The absolute confusion matrix, [predicted][ground truth] in the order of the class ids. A label or a top-1
     * prediction that is no model class cannot be placed; the caller checks labels first ({@link #firstForeignLabel}).
     */
    long[][] confusion() {
        int n = classIds.length;
        long[][] matrix = new long[n][n];
        for (int i = 0; i < labels.length; i++) {
            int truth = indexOf(labels[i]);
            int predicted = indexOf(ranked[i][0]);
            if (truth >= 0 && predicted >= 0) {
                matrix[predicted][truth]++;
            }
        }
        return matrix;
    }

    /** The confusion matrix with each column divided by its ground-truth count (a column without samples stays 0). */
    double[][] relativeConfusion() {
        long[][] absolute = confusion();
        int n = classIds.length;
        double[][] relative = new double[n][n];
        for (int column = 0; column < n; column++) {
            long total = 0;
            for (int row = 0; row < n; row++) {
                total += absolute[row][column];
            }
            for (int row = 0; row < n; row++) {
                relative[row][column] = total == 0 ? 0 : absolute[row][column] / (double) total;
            }
        }
        return relative;
    }

    /** Per class: true positives over everything predicted as the class; 0 when nothing was. */
    double[] precisionPerClass() {
        long[][] matrix = confusion();
        double[] precision = new double[classIds.length];
        for (int c = 0; c < classIds.length; c++) {
            long predicted = 0;
            for (long value : matrix[c]) {
                predicted += value;
            }
            precision[c] = predicted == 0 ? 0 : matrix[c][c] / (double) predicted;
        }
        return precision;
    }

    /** Per class: true positives over every sample of the class; 0 for a class without samples. */
    double[] recallPerClass() {
        long[][] matrix = confusion();
        double[] recall = new double[classIds.length];
        for (int c = 0; c < classIds.length; c++) {
            long actual = 0;
            for (long[] row : matrix) {
                actual += row[c];
            }
            recall[c] = actual == 0 ? 0 : matrix[c][c] / (double) actual;
        }
        return recall;
    }

    /** Per class: 2PR / (P + R), 0 when P + R = 0. */
    double[] fScorePerClass() {
        double[] precision = precisionPerClass();
        double[] recall = recallPerClass();
        double[] f = new double[classIds.length];
        for (int c = 0; c < f.length; c++) {
            double sum = precision[c] + recall[c];
            f[c] = sum == 0 ? 0 : 2 * precision[c] * recall[c] / sum;
        }
        return f;
    }

    /** The position of a class id in the matrix order, -1 for none. */
    int indexOf(long classId) {
        for (int c = 0; c < classIds.length; c++) {
            if (classIds[c] == classId) {
                return c;
            }
        }
        return -1;
    }

    /** The first label that is no model class, or null. */
    Long firstForeignLabel() {
        for (long label : labels) {
            if (indexOf(label) < 0) {
                return label;
            }
        }
        return null;
    }

    /** The first model class no evaluated sample is labelled with, or null. */
    Long firstClassWithoutSamples() {
        for (long id : classIds) {
            if (count(id) == 0) {
                return id;
            }
        }
        return null;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
