package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.launcher.FailureMessage;
import dev.keeptrusts.export.pipeline.ExportFailedException;
import dev.keeptrusts.export.request.UsageException;
import java.io.PrintWriter;
import java.util.Set;
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
    Throwable explained = FailureMessage.explained(e);
    if (explained instanceof UsageException) {
      err.println("kt: " + FailureMessage.of(e));
      return Kt.USAGE;
    }
    if (explained instanceof ExportFailedException) {
      err.println("kt: export failed: " + FailureMessage.of(e));
      return Kt.FAILED;
    }
    if (explained != null) {
      err.println("kt: " + FailureMessage.of(e));
      return Kt.FAILED;
    }
    String what = Set.of("create", "run").contains(commandLine.getCommandName()) ? "export failed: " : "failed: ";
    err.println("kt: " + what + FailureMessage.of(e) + " (set KT_DEBUG=1 for details)");
    return Kt.FAILED;
  }
}
