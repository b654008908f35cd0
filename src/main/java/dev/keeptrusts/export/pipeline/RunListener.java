package dev.keeptrusts.export.pipeline;

/** Hears how a running export is doing; the catalog and the progress bar listen. */
public interface RunListener {
  /** The source has been counted: the export should write {@code expected} records. */
  default void measured(long expected) {}

  /** The pipeline has written {@code written} records so far (Beam's attempted counter). */
  default void progress(long written) {}

  RunListener NONE = new RunListener() {};
}
