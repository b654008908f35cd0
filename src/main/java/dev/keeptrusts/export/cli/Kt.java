package dev.keeptrusts.export.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kt} command line. {@link #run} is the whole program, so tests call it with their
 * own writers and environment and assert on the text and the exit code.
 */
@Command(
    name = "kt",
    mixinStandardHelpOptions = true,
    versionProvider = Kt.Version.class,
    description = "Export the AI gateway's decision log as audit evidence.",
    subcommands = {ExportCommand.class, DemoCommand.class})
public class Kt {
  /** Exit codes: the export succeeded, it ran and failed, or the command line was wrong. */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int USAGE = 2;

  final Map<String, String> env;
  final PrintWriter out;
  final PrintWriter err;

  Kt(Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, System.getenv(), args));
  }

  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    CommandLine commandLine = new CommandLine(new Kt(env, out, err));
    commandLine.setOut(out);
    commandLine.setErr(err);
    ErrorReporter reporter = new ErrorReporter(err, env.containsKey("KT_DEBUG"));
    commandLine.setParameterExceptionHandler(reporter);
    commandLine.setExecutionExceptionHandler(reporter);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The version from the jar's manifest, or "dev" when run from classes. */
  static class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Kt.class.getPackage().getImplementationVersion();
      return new String[] {"kt-export " + (version == null ? "dev" : version)};
    }
  }
}
