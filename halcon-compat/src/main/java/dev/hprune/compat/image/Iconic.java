package dev.hprune.compat.image;

/**
 * An iconic object, the element of HALCON's object tuples: an {@link Image} or a {@link Region}. Object-tuple operators
 * take either; image operators refuse a region.
 */
public sealed interface Iconic permits Image, Region {}
