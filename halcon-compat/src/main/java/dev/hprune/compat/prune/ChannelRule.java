package dev.hprune.compat.prune;

import java.util.Map;

/**
 * What an operator kind does to the channel axis between its inputs and its output. The analysis dispatches on this
 * registry only; an operator not listed is a {@link #BARRIER}.
 */
enum ChannelRule {
    /** The output has the input's channels (activations, BatchNormalization, pooling). */
    PASS_THROUGH,
    /** Element-wise with two operands: channels of two activations are tied; a per-channel constant is sliced. */
    TIE_INPUTS,
    /** Concat along channels: the output's channels are the inputs' channels one after the other. */
    OFFSET,
    /** Split, or Slice with constant bounds: each output has a sub-range of the input's channels. */
    SUB_RANGES,
    /** Conv: consumes its input's channels (weights sliced on axis 1) and creates kernels; depthwise ties in and out. */
    CONSUME,
    /** Gemm/MatMul: consumes features, each channel a block of them (weights sliced by block). */
    DENSE,
    /** Flatten (and Reshape/Squeeze used as one): channels become blocks of features. */
    FLATTEN_TO_FEATURES,
    /** Channels cannot be followed through this operator: those reaching it are kept. */
    BARRIER;

    private static final Map<String, ChannelRule> RULES = Map.ofEntries(
            Map.entry("Relu", PASS_THROUGH), Map.entry("LeakyRelu", PASS_THROUGH), Map.entry("Clip", PASS_THROUGH),
            Map.entry("HardSigmoid", PASS_THROUGH), Map.entry("HardSwish", PASS_THROUGH),
            Map.entry("Sigmoid", PASS_THROUGH), Map.entry("Tanh", PASS_THROUGH), Map.entry("Elu", PASS_THROUGH),
            Map.entry("BatchNormalization", PASS_THROUGH), Map.entry("MaxPool", PASS_THROUGH),
            Map.entry("AveragePool", PASS_THROUGH), Map.entry("GlobalAveragePool", PASS_THROUGH),
            Map.entry("GlobalMaxPool", PASS_THROUGH), Map.entry("Dropout", PASS_THROUGH),
            Map.entry("Identity", PASS_THROUGH), Map.entry("Cast", PASS_THROUGH),
            Map.entry("Add", TIE_INPUTS), Map.entry("Sub", TIE_INPUTS), Map.entry("Mul", TIE_INPUTS),
            Map.entry("Div", TIE_INPUTS),
            Map.entry("Concat", OFFSET),
            Map.entry("Split", SUB_RANGES), Map.entry("Slice", SUB_RANGES),
            Map.entry("Conv", CONSUME),
            Map.entry("Gemm", DENSE), Map.entry("MatMul", DENSE),
            Map.entry("Flatten", FLATTEN_TO_FEATURES), Map.entry("Reshape", FLATTEN_TO_FEATURES),
            Map.entry("Squeeze", FLATTEN_TO_FEATURES));

    static ChannelRule of(String opType) {
        return RULES.getOrDefault(opType, BARRIER);
    }
}
