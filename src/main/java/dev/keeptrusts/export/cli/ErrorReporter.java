package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.pipeline.ExportFailedException;
import dev.keeptrusts.export.request.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code: {@link Kt#USAGE} for what the
 * user can fix in the command, {@link Kt#FAILED} for an export that ran and failed. A stack trace
 * is printed only when {@code KT_DEBUG} is set.
 */
final class ErrorReporter implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  private final PrintWriter err;
  private final boolean debug;

  ErrorReporter(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    err.println("kt: " + e.getMessage() + " (see: " + command + " --help)");
    return Kt.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    if (debug) {
      e.printStackTrace(err);
    }
    Throwable usage = find(e, UsageException.class);
    if (usage != null) {
      err.println("kt: " + usage.getMessage());
      return Kt.USAGE;
    }
    Throwable failed = find(e, ExportFailedException.class);
    if (failed != null) {
      err.println("kt: export failed: " + failed.getMessage());
      return Kt.FAILED;
    }
    err.println("kt: export failed: " + describe(rootCause(e)) + " (set KT_DEBUG=1 for details)");
    return Kt.FAILED;
  }

  private static Throwable find(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
