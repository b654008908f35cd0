package dev.keeptrusts.export.source;

import java.io.Serializable;

/**
 * A half-open slice {@code [fromMicros, toMicros)} of the export window: the unit of parallel
 * reading. Slices of one window tile it without overlap, so a boundary row is read exactly once.
 */
public record TimeSlice(int index, long fromMicros, long toMicros) implements Serializable {}
