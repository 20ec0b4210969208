package dev.hprune.compat.op;

import static dev.hprune.compat.op.Arity.atLeast;
import static dev.hprune.compat.op.Arity.between;
import static dev.hprune.compat.op.Arity.exactly;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry: one {@link OpKind} per ONNX operator (default domain) that hprune imports. Its key set is the
 * supported-operator list; the importer refuses any other operator with 7801. Adding an operator means adding its
 * entry here (and its lowering in the backend), nothing else.
 */
public final class OpKinds {
    private OpKinds() {}

    private static final Map<String, OpKind> KINDS = new LinkedHashMap<>();

    static {
        // Element-wise on one tensor: same shape, channels pass through.
        for (String name : new String[] {"Relu", "LeakyRelu", "HardSigmoid", "HardSwish", "Sigmoid", "Tanh", "Erf",
                "Softplus"}) {
            add(unary(name));
        }
        add(unary("Sqrt").fold((f, n) -> f.unary(n, Math::sqrt)));
        add(unary("Exp").fold((f, n) -> f.unary(n, Math::exp)));
        add(unary("Neg").fold((f, n) -> f.unary(n, x -> -x)));
        add(unary("Clip").arity(11, exactly(1), between(1, 3)));
        // Normalising over an axis mixes channels when that axis is the channel axis: followed no further.
        add(kind("Softmax").shape(ShapeEngine::same).flow(ChannelEngine::barrier));
        add(kind("LogSoftmax").shape(ShapeEngine::same).flow(ChannelEngine::barrier));
        add(kind("Identity").shape(ShapeEngine::identity).fold(ConstantFolding::reshape)
                .flow(ChannelEngine::elementwise));
        add(kind("Dropout").arity(12, exactly(1), between(1, 3)).shape(ShapeEngine::dropout)
                .flow(ChannelEngine::elementwise));
        add(kind("Cast").shape(ShapeEngine::cast).fold(ConstantFolding::cast).flow(ChannelEngine::elementwise));
        add(kind("Constant").arity(exactly(0)).shape(ShapeEngine::constant).flow(ChannelEngine::barrier));

        add(kind("BatchNormalization").arity(exactly(5)).shape(ShapeEngine::batchNorm)
                .flow(ChannelEngine::passThrough).cut(ChannelCut::batchNorm));
        // Over the channel axis it mixes a position's channels: followed, and cut not exactly (README, pruning).
        add(kind("LayerNormalization").arity(17, Arity.ABSENT, between(2, 3)).shape(ShapeEngine::layerNorm)
                .flow(ChannelEngine::layerNorm).cut(ChannelCut::layerNorm));

        add(arithmetic("Add", Arithmetic.ADD));
        add(arithmetic("Sub", Arithmetic.SUB));
        add(arithmetic("Mul", Arithmetic.MUL));
        add(arithmetic("Div", Arithmetic.DIV));
        add(kind("Pow").arity(exactly(2)).shape(ShapeEngine::broadcast).fold(ConstantFolding::pow)
                .flow(ChannelEngine::tie).cut(ChannelCut::perChannelConstant));

        add(kind("Conv").arity(between(2, 3)).shape(ShapeEngine::conv).flow(ChannelEngine::conv)
                .cut(ChannelCut::conv));
        add(kind("MaxPool").shape(ShapeEngine::pool).flow(ChannelEngine::passThrough));
        add(kind("AveragePool").shape(ShapeEngine::pool).flow(ChannelEngine::passThrough));
        add(kind("GlobalAveragePool").shape(ShapeEngine::globalPool).flow(ChannelEngine::passThrough));
        add(kind("GlobalMaxPool").shape(ShapeEngine::globalPool).flow(ChannelEngine::passThrough));
        add(kind("Gemm").arity(between(2, 3)).shape(ShapeEngine::gemm).flow(ChannelEngine::dense)
                .cut(ChannelCut::dense));
        add(kind("MatMul").arity(exactly(2)).shape(ShapeEngine::matMul).flow(ChannelEngine::dense)
                .cut(ChannelCut::dense));

        // Shape arithmetic and reshaping.
        add(kind("Flatten").shape(ShapeEngine::flatten).fold(ConstantFolding::reshape).flow(ChannelEngine::flatten));
        add(kind("Reshape").arity(exactly(2)).shape(ShapeEngine::reshape).fold(ConstantFolding::reshape)
                .flow(ChannelEngine::flatten).cut(ChannelCut::reshapeTarget));
        add(kind("Squeeze").arity(13, exactly(1), between(1, 2)).shape(ShapeEngine::squeeze)
                .fold(ConstantFolding::reshape).flow(ChannelEngine::flatten));
        add(kind("Unsqueeze").arity(13, exactly(1), exactly(2)).shape(ShapeEngine::unsqueeze)
                .fold(ConstantFolding::reshape).flow(ChannelEngine::barrier));
        add(kind("Shape").shape(ShapeEngine::shape).fold(ConstantFolding::shape).flow(ChannelEngine::barrier));
        add(kind("Slice").arity(10, exactly(1), between(3, 5)).shape(ShapeEngine::slice)
                .fold(ConstantFolding::slice).flow(ChannelEngine::subRanges)
                .cut(ChannelCut::subRanges));
        add(kind("Split").arity(13, exactly(1), between(1, 2)).shape(ShapeEngine::split)
                .flow(ChannelEngine::subRanges)
                .cut(ChannelCut::subRanges));
        add(kind("Concat").arity(atLeast(1)).shape(ShapeEngine::concat).fold(ConstantFolding::concat)
                .flow(ChannelEngine::concat));
        add(kind("Transpose").shape(ShapeEngine::transpose).fold(ConstantFolding::transpose)
                .flow(ChannelEngine::channelsLast));
        add(kind("Pad").arity(11, exactly(1), between(2, 3)).shape(ShapeEngine::pad).flow(ChannelEngine::pad));
        add(kind("ReduceMean").shape(ShapeEngine::reduceMean).flow(ChannelEngine::reduceMean));
        add(kind("Gather").arity(exactly(2)).shape(ShapeEngine::gather).fold(ConstantFolding::gather)
                .flow(ChannelEngine::barrier));
        add(kind("ConstantOfShape").shape(ShapeEngine::constantOfShape).fold(ConstantFolding::constantOfShape)
                .flow(ChannelEngine::barrier));
    }

    private static Kind.Builder kind(String name) {
        return new Kind.Builder(name);
    }

    private static Kind.Builder unary(String name) {
        return kind(name).shape(ShapeEngine::same).flow(ChannelEngine::elementwise);
    }

    private static Kind.Builder arithmetic(String name, Arithmetic op) {
        return kind(name).arity(exactly(2)).shape((s, n) -> s.arithmetic(n, op)).fold((f, n) -> f.arithmetic(n, op))
                .flow(ChannelEngine::tie).cut(ChannelCut::perChannelConstant);
    }

    private static void add(Kind.Builder builder) {
        Kind kind = builder.build();
        if (KINDS.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("operator " + kind.name() + " is registered twice");
        }
    }

    /** The kind of {@code opType}, empty for an operator hprune does not support. */
    public static Optional<OpKind> of(String opType) {
        return Optional.ofNullable(KINDS.get(opType));
    }

    public static boolean contains(String opType) {
        return KINDS.containsKey(opType);
    }

    /** The supported operator names, in registry order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }

    public static Collection<OpKind> all() {
        return Collections.unmodifiableCollection(KINDS.values());
    }
}
