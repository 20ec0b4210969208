package dev.hprune.compat.prune;

import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.dictfile.DictFiles;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file form of a pruning handle's oracle scores (write_dl_pruning_scores, read_dl_pruning_scores): an hprune dict
 * file ('.hdict', so read_dict opens it too) with these keys, every real stored with its exact bits:
 *
 * <pre>
 * 'file_type'          'dl_pruning_scores'
 * 'format_version'     1
 * 'architecture'       the handle's architecture fingerprint (see {@link DlPruning#architecture})
 * 'num_samples'        the samples scored
 * 'scoring_points'     the activations scored, one name each
 * 'num_channels'       their channel counts
 * 'scores'             every channel's score (the sum over samples), point after point: for reading by people
 * 'score_term_counts'  per channel, how many of the following reals make up its exact sum
 * 'score_terms'        those reals, channel after channel: what reading uses, so that sums stay exact
 * </pre>
 */
final class ScoresFile {
    static final String FILE_TYPE = "dl_pruning_scores";
    static final long VERSION = 1;

    private ScoresFile() {}

    static byte[] encode(String architecture, KernelScores scores) {
        KernelScores snapshot = scores.copy();
        Map<String, double[][]> terms = snapshot.terms();
        Map<String, double[]> sums = snapshot.sums();
        List<Object> points = new ArrayList<>();
        List<Object> channels = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        List<Object> flat = new ArrayList<>();
        terms.forEach((point, perChannel) -> {
            points.add(point);
            channels.add((long) perChannel.length);
            for (double value : sums.get(point)) {
                values.add(value);
            }
            for (double[] channel : perChannel) {
                counts.add((long) channel.length);
                for (double term : channel) {
                    flat.add(term);
                }
            }
        });
        Dict dict = new Dict();
        dict.put("file_type", tuple(FILE_TYPE));
        dict.put("format_version", tuple(VERSION));
        dict.put("architecture", tuple(architecture));
        dict.put("num_samples", tuple(snapshot.samples()));
        dict.put("scoring_points", new DictValue.Tuple(points));
        dict.put("num_channels", new DictValue.Tuple(channels));
        dict.put("scores", new DictValue.Tuple(values));
        dict.put("score_term_counts", new DictValue.Tuple(counts));
        dict.put("score_terms", new DictValue.Tuple(flat));
        return DictFiles.hdictBytes(dict);
    }

    /**
     * The scores a file's bytes hold, for a handle of {@code architecture} whose prunability is {@code analysis}:
     * 5238 for bytes that are no scores file (or a damaged one), 7980 for scores of another architecture.
     */
    static KernelScores decode(byte[] bytes, String architecture, PrunabilityAnalysis analysis) {
        Dict dict = DictFiles.fromHdictBytes(bytes);
        try {
            return scores(dict, architecture, analysis);
        } finally {
            release(dict);
        }
    }

    private static KernelScores scores(Dict dict, String architecture, PrunabilityAnalysis analysis) {
        if (!FILE_TYPE.equals(single(dict, "file_type", String.class))) {
            throw wrongFormat("a dict file, but not of type '" + FILE_TYPE + "'");
        }
        long version = single(dict, "format_version", Long.class);
        if (version != VERSION) {
            throw wrongFormat("scores file version " + version + ", this hprune reads " + VERSION);
        }
        if (!architecture.equals(single(dict, "architecture", String.class))) {
            throw HalconError.of(ErrorCodes.DL_PRUNING_WRONG_DATA,
                    "the scores were accumulated for a model of another architecture or image size");
        }
        long samples = single(dict, "num_samples", Long.class);
        List<String> points = list(dict, "scoring_points", String.class);
        List<Long> channels = list(dict, "num_channels", Long.class);
        List<Double> values = list(dict, "scores", Double.class);
        List<Long> counts = list(dict, "score_term_counts", Long.class);
        List<Double> flat = list(dict, "score_terms", Double.class);
        if (samples < 0 || channels.size() != points.size()) {
            throw wrongFormat("negative sample count, or not one channel count per scoring point");
        }
        Set<String> known = new HashSet<>(analysis.scoringPoints());
        Map<String, double[][]> terms = new LinkedHashMap<>();
        int channel = 0;
        int next = 0;
        for (int i = 0; i < points.size(); i++) {
            String point = points.get(i);
            long count = channels.get(i);
            if (!known.contains(point) || terms.containsKey(point)
                    || count != analysis.scoringPointChannels(point)) {
                throw wrongFormat("scoring point '" + point + "' with " + count + " channels is not one of the model's");
            }
            double[][] perChannel = new double[(int) count][];
            for (int c = 0; c < count; c++, channel++) {
                long termCount = channel < counts.size() ? counts.get(channel) : -1;
                if (termCount < 0 || termCount > flat.size() - next) {
                    throw wrongFormat("the score terms do not match their counts");
                }
                perChannel[c] = new double[(int) termCount];
                for (int t = 0; t < termCount; t++) {
                    perChannel[c][t] = flat.get(next++);
                }
            }
            terms.put(point, perChannel);
        }
        if (channel != counts.size() || next != flat.size() || channel != values.size()) {
            throw wrongFormat("the score terms do not match their counts");
        }
        KernelScores scores = KernelScores.ofTerms(terms, samples);
        // The readable scores must be what the exact terms sum to: a file edited by hand in one place only is refused.
        int c = 0;
        for (double[] sums : scores.sums().values()) {
            for (double sum : sums) {
                if (Double.doubleToLongBits(sum) != Double.doubleToLongBits(values.get(c++))) {
                    throw wrongFormat("'scores' disagrees with 'score_terms' at channel " + (c - 1));
                }
            }
        }
        return scores;
    }

    private static <T> T single(Dict dict, String key, Class<T> type) {
        List<T> values = list(dict, key, type);
        if (values.size() != 1) {
            throw wrongFormat("'" + key + "' must hold one value");
        }
        return values.get(0);
    }

    private static <T> List<T> list(Dict dict, String key, Class<T> type) {
        DictValue value = dict.get(key).orElseThrow(() -> wrongFormat("no '" + key + "' in the dict file"));
        if (!(value instanceof DictValue.Tuple tuple)) {
            throw wrongFormat("'" + key + "' must be a tuple");
        }
        List<T> typed = new ArrayList<>(tuple.values().size());
        for (Object element : tuple.values()) {
            if (!type.isInstance(element)) {
                throw wrongFormat("'" + key + "' must hold values of type " + type.getSimpleName());
            }
            typed.add(type.cast(element));
        }
        return typed;
    }

    /** Clears the handles that reading a dict file registered for nested dicts and models: a scores file has none. */
    private static void release(Dict dict) {
        for (Object key : dict.keys()) {
            if (dict.get(key).orElse(null) instanceof DictValue.Tuple tuple) {
                for (Object element : tuple.values()) {
                    if (element instanceof Handle handle) {
                        if (handle.payload() instanceof Dict nested) {
                            release(nested);
                        }
                        handle.clear();
                    }
                }
            }
        }
    }

    private static DictValue tuple(Object value) {
        return new DictValue.Tuple(List.of(value));
    }

    private static HalconError wrongFormat(String detail) {
        return HalconError.of(ErrorCodes.WRONG_FILE_FORMAT, "no hprune pruning scores file: " + detail);
    }
}
