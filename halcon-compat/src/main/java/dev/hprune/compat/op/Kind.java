package dev.hprune.compat.op;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * An operator kind assembled from its facets; kinds that behave alike (the element-wise activations, the four
 * arithmetic operators) are entries of this one class with different names and parameters.
 */
record Kind(String name, LongFunction<Arity> arities, BiConsumer<ShapeEngine, Node> shapeRule,
        BiFunction<ConstantFolding, Node, Tensor> folding, BiConsumer<ChannelEngine, Node> channels,
        BiFunction<ChannelCut, Node, Node> cutting) implements OpKind {

    Kind {
        Objects.requireNonNull(name);
        Objects.requireNonNull(arities, () -> name + " has no arity");
        Objects.requireNonNull(shapeRule, () -> name + " has no shape rule");
        Objects.requireNonNull(channels, () -> name + " has no channel flow");
    }

    @Override
    public Arity arity(long opset) {
        return arities.apply(opset);
    }

    @Override
    public void shapes(Node node, ShapeEngine rules) {
        shapeRule.accept(rules, node);
    }

    @Override
    public boolean folds() {
        return folding != null;
    }

    @Override
    public Optional<Tensor> fold(Node node, ConstantFolding engine) {
        return folding == null ? Optional.empty() : Optional.ofNullable(folding.apply(engine, node));
    }

    @Override
    public void flow(Node node, ChannelEngine flow) {
        channels.accept(flow, node);
    }

    @Override
    public Node cut(Node node, ChannelCut cut) {
        return cutting == null ? node : cutting.apply(cut, node);
    }

    /** Collects one kind's facets; the shape rule, the channel flow and the arity are required. */
    static final class Builder {
        private final String name;
        private LongFunction<Arity> arities = opset -> Arity.exactly(1);
        private BiConsumer<ShapeEngine, Node> shapeRule;
        private BiFunction<ConstantFolding, Node, Tensor> folding;
        private BiConsumer<ChannelEngine, Node> channels;
        private BiFunction<ChannelCut, Node, Node> cutting;

        Builder(String name) {
            this.name = name;
        }

        Builder arity(Arity arity) {
            this.arities = opset -> arity;
            return this;
        }

        /** Parameters that moved from attributes to inputs at opset {@code since}. */
        Builder arity(long since, Arity before, Arity from) {
            this.arities = opset -> opset >= since ? from : before;
            return this;
        }

        Builder shape(BiConsumer<ShapeEngine, Node> rule) {
            this.shapeRule = rule;
            return this;
        }

        Builder fold(BiFunction<ConstantFolding, Node, Tensor> folding) {
            this.folding = folding;
            return this;
        }

        Builder flow(BiConsumer<ChannelEngine, Node> channels) {
            this.channels = channels;
            return this;
        }

        Builder cut(BiFunction<ChannelCut, Node, Node> cutting) {
            this.cutting = cutting;
            return this;
        }

        Kind build() {
            return new Kind(name, arities, shapeRule, folding, channels, cutting);
        }
    }
}
