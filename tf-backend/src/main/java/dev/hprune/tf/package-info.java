/**
 * The TensorFlow Java implementation of halcon-compat's {@code Backend} interface: the model graph as a TensorFlow graph,
 * inference, the gradients behind the oracle scores, and training steps. It knows nothing of HALCON's tuples or names.
 *
 * <ul>
 *   <li>{@link dev.hprune.tf.TfBackend} opens a {@link dev.hprune.tf.TfModelSession}: one TensorFlow graph and session
 *       per model, weights in resource variables ({@link dev.hprune.tf.TfVariables}).
 *   <li>{@link dev.hprune.tf.ForwardPass} walks the nodes and tracks per value whether TensorFlow holds it in ONNX
 *       layout or as NHWC; {@link dev.hprune.tf.Lowerings} holds one {@link dev.hprune.tf.Lowering} per ONNX operator
 *       kind, in classes by family (convolution and pooling, normalisation, element-wise, dense, shape and tensor);
 *       {@link dev.hprune.tf.SpatialOps} builds convolutions and pooling from operations whose gradients are correct
 *       in this TensorFlow version.
 *   <li>{@link dev.hprune.tf.TrainingGraph} and {@link dev.hprune.tf.TaylorGraph} add the loss, gradients, updates and
 *       channel scores, once per setting.
 * </ul>
 */
package dev.hprune.tf;
