package dev.hprune.compat.prune;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The state behind a pruning handle: mode, percentage, the prunability of the model it was created for, the oracle
 * scores accumulated so far, and the outcome of the last gen_dl_pruned_model. Safe for concurrent use: reads see a
 * consistent state, and a refused change leaves it as it was.
 */
public final class DlPruning {
    public static final String ORACLE = "oracle";

    /** One row of HALCON's pruning parameter table (see get_dl_pruning_param). */
    record Param(String name, boolean settable, Function<DlPruning, List<Object>> read) {}

    static final List<Param> TABLE = List.of(
            new Param("mode", true, s -> List.of(s.mode)),
            new Param("percentage", true, s -> List.of(s.percentage)),
            new Param("prunable_conv_num", false, s -> List.of((long) s.analysis.prunableConvs().size())),
            new Param("prunable_conv_layer_name", false, s -> List.copyOf(s.analysis.prunableConvs())),
            new Param("prunable_kernel_num", false, s -> List.of((long) s.analysis.prunableKernelCount())),
            new Param("pruned_kernel_num", false, s -> List.of((long) s.prunedKernels)),
            new Param("pruned_percentage", false, s -> List.of(s.prunedPercentage)));

    private static final Map<String, Param> BY_NAME = TABLE.stream().collect(Collectors.toMap(Param::name, p -> p));

    private final PrunabilityAnalysis analysis;
    private final String modelStructure;
    private final String architecture;
    private final KernelScores scores = new KernelScores();
    private String mode = ORACLE;
    private Object percentage = 10L;
    private int kernelMultiple = 1;
    private int prunedKernels;
    private double prunedPercentage;

    public DlPruning(PrunabilityAnalysis analysis, String modelStructure) {
        this.analysis = analysis;
        this.modelStructure = modelStructure;
        this.architecture = architectureOf(modelStructure);
    }

    /**
     * The fingerprint of the architecture this handle was created for (SHA-256 of the model's structure, hex): what a
     * scores file names, so that scores are never read into a handle of another model.
     */
    public String architecture() {
        return architecture;
    }

    static String architectureOf(String structure) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(structure.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** 7980 unless {@code other} was created for a model of this handle's architecture. */
    public void checkSameArchitecture(DlPruning other, String detail) {
        if (!modelStructure.equals(other.modelStructure)) {
            throw HalconError.of(ErrorCodes.DL_PRUNING_WRONG_DATA, detail);
        }
    }

    /** 7980 unless {@code model} has the architecture this handle was created for. */
    public void checkFits(dev.hprune.compat.dl.DlModel model) {
        if (!modelStructure.equals(model.structure())) {
            throw HalconError.of(ErrorCodes.DL_PRUNING_WRONG_DATA,
                    "the pruning handle was created for a model of another architecture or image size");
        }
    }

    /** The names HALCON's parameter table holds, in its order. */
    public static List<String> parameterNames() {
        return TABLE.stream().map(Param::name).toList();
    }

    public synchronized List<Object> get(String name) {
        return row(name, 2).read().apply(this);
    }

    /** Sets 'mode' or 'percentage'; {@code valuePosition} is the value's control-parameter position for errors. */
    public synchronized void set(String name, List<Object> value, int namePosition, int valuePosition) {
        Param row = row(name, namePosition);
        if (!row.settable()) {
            throw ControlArgs.wrongValue(namePosition, "'" + name + "' can only be read");
        }
        if (name.equals("mode")) {
            mode = checkedMode(ControlArgs.string(value, valuePosition), valuePosition);
        } else {
            percentage = checkedPercentage(value, valuePosition);
        }
    }

    public PrunabilityAnalysis analysis() {
        return analysis;
    }

    public KernelScores scores() {
        return scores;
    }

    /**
     * hprune's extension, set only through create_dl_pruning's GenParam 'kernel_multiple': every pruned convolution
     * keeps a multiple of this many kernels (1, the default, is HALCON's behaviour). See {@link PruningPlan}.
     */
    public synchronized int kernelMultiple() {
        return kernelMultiple;
    }

    synchronized void setKernelMultiple(int multiple) {
        kernelMultiple = multiple;
    }

    public synchronized double percentage() {
        return ControlArgs.toReal(percentage, 3);
    }

    /** Records the outcome of gen_dl_pruned_model. */
    public synchronized void recordPruned(PruningPlan plan) {
        prunedKernels = plan.removedKernels();
        prunedPercentage = plan.prunedPercentage();
    }

    static String checkedMode(String mode, int position) {
        if (!ORACLE.equals(mode)) {
            throw ControlArgs.wrongValue(position, "the only mode is 'oracle', got '" + mode + "'");
        }
        return mode;
    }

    /** A percentage in [0, 100], integer or real, kept as given. */
    static Object checkedPercentage(List<Object> value, int position) {
        Object v = ControlArgs.single(value, position);
        double p = ControlArgs.toReal(v, position);
        if (!(p >= 0 && p <= 100)) {
            throw ControlArgs.wrongValue(position, "'percentage' must be in [0, 100], got " + v);
        }
        return v;
    }

    private static Param row(String name, int position) {
        Param row = BY_NAME.get(name);
        if (row == null) {
            throw HalconError.of(ErrorCodes.wrongValue(position), "unknown parameter '" + name + "'; known: "
                    + String.join(", ", parameterNames()));
        }
        return row;
    }
}
