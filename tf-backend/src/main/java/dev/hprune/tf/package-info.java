/**
 * The TensorFlow Java implementation of halcon-compat's {@code Backend} interface: the model graph as a TensorFlow graph,
 * inference, the gradients behind the oracle scores, and training steps. It knows nothing of HALCON's tuples or names.
 */
package dev.hprune.tf;
