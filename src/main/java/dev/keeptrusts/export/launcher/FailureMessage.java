package dev.keeptrusts.export.launcher;

import dev.keeptrusts.export.catalog.CatalogException;
import dev.keeptrusts.export.manifest.ManifestException;
import dev.keeptrusts.export.pipeline.ExportFailedException;
import dev.keeptrusts.export.request.UsageException;

/** One line that says why something failed, for the terminal and for the catalog. */
public final class FailureMessage {
  private FailureMessage() {}

  /** The exception of a kind the user can act on (a usage, catalog or manifest problem, or a failed export), if any. */
  public static Throwable explained(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UsageException
          || t instanceof ExportFailedException
          || t instanceof CatalogException
          || t instanceof ManifestException) {
        return t;
      }
    }
    return null;
  }

  public static String of(Throwable e) {
    Throwable explained = explained(e);
    return firstLine(explained != null ? explained : rootCause(e));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
