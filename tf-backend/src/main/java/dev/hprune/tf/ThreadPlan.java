package dev.hprune.tf;

import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.prune.ModelCost;
import java.util.OptionalLong;

/**
 * The threads of one TensorFlow session, chosen by the work of one run where the caller leaves them open.
 *
 * <p>TensorFlow's oneDNN kernels split every operator across the whole intra-op pool however small it is, and handing
 * work to a second thread costs tens of microseconds on small virtual machines. Measured on 2 vCPUs (images/s, one
 * thread with every operator on the caller's thread against two intra-op and two inter-op threads): the MNIST CNN
 * (1 MMAC per image) infers 7,390 against 2,770 at batch 1 and 28,800 against 16,800 at batch 32; the PP-OCR
 * classifier (16 MMAC) 790 against 224 at batch 1 and 1,450 against 1,270 at batch 16, while its scoring at batch 32
 * (522 MMAC per run) is faster on two threads (504 against 423); MobileNetV2 (300 MMAC) infers equally fast either way
 * at batch 1 and scores faster on one; ResNet-18 (1.8 GMAC) runs 1.7 times faster on two threads. So a run of fewer
 * than {@link #SMALL_RUN_MACS} forward multiply-accumulates on the CPU gets one thread; anything larger, of unknown
 * size, or on a GPU gets the machine's cores.
 *
 * <p>The intra-op pool is the session's own only where {@code TF_OVERRIDE_GLOBAL_THREADPOOL=1} (see
 * {@link NativeEnvironment}); otherwise the first session of the process sizes it for all, and a small run keeps the
 * machine's cores there and gets only the caller's thread for its operators (MNIST CNN at batch 1: 2,710 against
 * 2,010 images/s).
 *
 * @param intraOp threads inside one operator
 * @param interOp operators run at once; negative runs every operator on the calling thread
 */
record ThreadPlan(int intraOp, int interOp) {
    /** Runs below this many multiply-accumulates (batch included) are run on one thread. */
    static final long SMALL_RUN_MACS = 512_000_000L;

    /**
     * @param sessionPools whether TensorFlow gives this session an intra-op pool of its own
     */
    static ThreadPlan of(Graph graph, SessionOptions options, int cores, boolean sessionPools) {
        // on a GPU the kernels run on the device whatever the size; the CPU threads only feed it
        boolean small = options.runtime().equals("cpu") && options.batchSize() > 0 && macsPerImage(graph)
                .stream().anyMatch(macs -> macs * options.batchSize() < SMALL_RUN_MACS);
        int intra = options.intraOpThreads() > 0 ? options.intraOpThreads() : small && sessionPools ? 1 : cores;
        int inter = options.interOpThreads() != 0 ? options.interOpThreads() : small || intra == 1 ? -1 : cores;
        return new ThreadPlan(intra, inter);
    }

    /** Forward multiply-accumulates of one image, where the graph fixes its single image input's size. */
    static OptionalLong macsPerImage(Graph graph) {
        if (graph.inputs().size() != 1) {
            return OptionalLong.empty();
        }
        ValueInfo input = graph.inputs().get(0);
        if (input.shape().size() != 4 || input.shape().stream().skip(1).anyMatch(d -> !d.isFixed())) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(ModelCost.of(graph, (int) input.shape().get(1).value(),
                    (int) input.shape().get(2).value(), (int) input.shape().get(3).value()).macs());
        } catch (RuntimeException e) {
            // a graph whose shapes cannot be inferred ahead of running keeps the default threads
            return OptionalLong.empty();
        }
    }
}
