package dev.keeptrusts.export.pipeline;

/** An export ran but did not produce a complete, reconciled result. */
public class ExportFailedException extends RuntimeException {
  public ExportFailedException(String message) {
    super(message);
  }

  public ExportFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
