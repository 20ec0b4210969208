package dev.hprune.compat.dl;

/**
 * Class indices by descending confidence, ties by ascending index: the order of HALCON's classification results. A
 * stable merge sort over primitive indices, as it runs once per sample of every apply_dl_model call, where sorting
 * boxed indices with a comparator cost more than the rest of building the result.
 */
final class Ranking {
    private Ranking() {}

    /** Below this many elements a run is sorted by insertion. */
    private static final int INSERTION = 16;

    /**
     * The indices of {@code values} by descending value; equal values keep ascending index order. NaN ranks after every
     * number, as {@code Double.compare} orders it.
     */
    static int[] descending(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n > INSERTION) {
            sort(values, order, new int[n], 0, n);
        } else {
            insertion(values, order, 0, n);
        }
        return order;
    }

    /** Whether index {@code a} ranks after {@code b}: a smaller value, by {@code Double.compare} of the negations. */
    private static boolean after(double[] values, int a, int b) {
        return Double.compare(-values[a], -values[b]) > 0;
    }

    private static void insertion(double[] values, int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int current = order[i];
            int j = i - 1;
            while (j >= from && after(values, order[j], current)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = current;
        }
    }

    private static void sort(double[] values, int[] order, int[] scratch, int from, int to) {
        if (to - from <= INSERTION) {
            insertion(values, order, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        sort(values, order, scratch, from, mid);
        sort(values, order, scratch, mid, to);
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = mid;
        for (int k = from; k < to; k++) {
            // the left run wins ties, which keeps equal values in index order
            if (right >= to || (left < mid && !after(values, scratch[left], scratch[right]))) {
                order[k] = scratch[left++];
            } else {
                order[k] = scratch[right++];
            }
        }
    }
}
