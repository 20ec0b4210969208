/**
 * The Java side of the C interface ({@code HalconC.h}): callbacks registered with the native library through JNA, each a
 * thin call into {@code dev.hprune.halcon.HOperatorSet}.
 */
package dev.hprune.cshim;
