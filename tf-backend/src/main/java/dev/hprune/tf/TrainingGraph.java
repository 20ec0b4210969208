package dev.hprune.tf;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.Session;

/**
 * The operations of one training setting (logits, trainable set, BatchNormalization mode): mean cross-entropy, its
 * gradients, and SGD with classic momentum and an L2 prior ({@code g = dL/dw + prior*w; v = m*v - lr*g; w = w + v}).
 * Learning rate, momentum, prior and BatchNormalization momentum are fed per step, so changing them rebuilds nothing.
 * Every update waits for every gradient (a control dependency), so a step is deterministic.
 *
 * @param loss the mean cross-entropy, without the prior
 * @param update the operation that applies all updates
 */
record TrainingGraph(CrossEntropy crossEntropy, Output<?> loss, GraphOperation update) {

    /** The fed scalars of a training step and the labels. */
    record Feeds(Output<?> labels, Output<?> learningRate, Output<?> momentum, Output<?> weightPrior,
            Output<?> batchNormMomentum) {}

    /**
     * @param withPrior whether the step adds the L2 prior's gradient; a graph without it is fed a prior of 0 only
     */
    static TrainingGraph build(Graph ir, TfGraphWriter w, Session session, TfVariables variables, ForwardPass pass,
            Map<String, Output<?>> reads, String logitsName, Set<String> trainable, boolean withPrior, Feeds feeds) {
        Output<?> logits = pass.onnx(pass.value(logitsName));
        CrossEntropy ce = CrossEntropy.of(w, logits, feeds.labels(), logitsName);
        Output<?> loss = w.mean(ce.perSample(), false, 0);

        Set<String> reaching = CrossEntropy.ancestors(ir, logitsName);
        // running statistics of batch-normalising layers follow their own update rule, not SGD
        Set<String> running = new TreeSet<>();
        pass.batchStats().forEach(s -> running.addAll(List.of(s.meanName(), s.varName())));
        List<String> names = new TreeSet<>(trainable).stream().filter(n -> !running.contains(n)).toList();
        List<String> differentiable = names.stream().filter(reaching::contains).toList();
        for (String name : names) {
            if (!variables.all().containsKey(name)) {
                throw HalconError.of(ErrorCodes.DL_INTERNAL, "'" + name + "' is not a trainable weight of the model");
            }
        }
        Output<?>[] xs = differentiable.stream().map(reads::get).toArray(Output<?>[]::new);
        Output<?>[] grads = xs.length == 0 ? new Output<?>[0]
                : w.graph().addGradients(w.uniqueName("train_gradients"), new Output<?>[] {loss}, xs, null);

        List<GraphOperation> before = new ArrayList<>();
        before.add((GraphOperation) loss.op());
        for (Output<?> g : grads) {
            before.add((GraphOperation) g.op());
        }
        for (ForwardPass.BatchStats stats : pass.batchStats()) {
            before.add((GraphOperation) stats.mean().op());
            before.add((GraphOperation) stats.var().op());
        }
        List<GraphOperation> barrier = List.of(w.noOp(before));

        List<GraphOperation> assigns = new ArrayList<>();
        for (String name : names) {
            TfVariables.Variable v = variables.all().get(name);
            Output<?> weight = reads.get(name);
            int k = differentiable.indexOf(name);
            Output<?> g = k >= 0 ? grads[k] : w.unary("ZerosLike", weight);
            if (withPrior) {
                g = w.binary("AddV2", g, w.binary("Mul", feeds.weightPrior(), weight));
            }
            // one fused kernel: velocity = momentum*velocity - lr*g; weight += velocity (Keras' momentum rule, which is
            // the classic one above); four element-wise passes and two assignments fewer than spelling it out
            assigns.add(w.op("ResourceApplyKerasMomentum").in(v.handle(), variables.velocity(v, session).handle(),
                    feeds.learningRate(), g, feeds.momentum()).attr("T", weight.dataType()).after(barrier).build());
        }
        Output<?> keep = feeds.batchNormMomentum();
        Output<?> blend = w.binary("Sub", w.scalar(1f), keep);
        for (ForwardPass.BatchStats stats : pass.batchStats()) {
            updateRunning(w, variables, reads, stats.meanName(), stats.mean(), keep, blend, barrier, assigns);
            updateRunning(w, variables, reads, stats.varName(), stats.var(), keep, blend, barrier, assigns);
        }
        return new TrainingGraph(ce, loss, w.noOp(assigns));
    }

    /** {@code running = keep*running + (1-keep)*batch}, when the running statistic is a variable. */
    private static void updateRunning(TfGraphWriter w, TfVariables variables, Map<String, Output<?>> reads, String name,
            Output<?> batch, Output<?> keep, Output<?> blend, List<GraphOperation> barrier, List<GraphOperation> assigns) {
        TfVariables.Variable v = variables.all().get(name);
        if (v == null) {
            return;
        }
        Output<?> value = w.binary("AddV2", w.binary("Mul", keep, reads.get(name)), w.binary("Mul", blend, batch));
        assigns.add(w.op("AssignVariableOp").in(v.handle(), value).attr("dtype", value.dataType()).after(barrier)
                .build());
    }
}
