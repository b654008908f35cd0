package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.manifest.ToolVersion;
import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.FileExportCatalog;
import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.KtHome;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    subcommands = {ExportCommand.class, ConfigCommand.class, DemoCommand.class})
public class Kt {
  /** Exit codes: the export succeeded, it ran and failed, or the command line was wrong. */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int USAGE = 2;

  final Map<String, String> env;
  final PrintWriter out;
  final PrintWriter err;
  /** True when kt runs on a terminal, so progress can be drawn as a bar. */
  final boolean interactive;

  Kt(Map<String, String> env, PrintWriter out, PrintWriter err, boolean interactive) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  @CommandLine.Option(
      names = "--config",
      paramLabel = "FILE",
      scope = CommandLine.ScopeType.INHERIT,
      description = "The configuration file (default: KT_HOME/config.yaml, KT_HOME defaulting to ~/.keeptrusts).")
  Path configFile;

  /** The configuration: {@code --config FILE} (which must exist), else {@code KT_HOME/config.yaml} if present. */
  KtConfig config(KtHome home) {
    return configFile != null ? KtConfig.load(configFile.toAbsolutePath(), true) : KtConfig.load(home.configFile());
  }

  /** The catalog of exports of this {@code KT_HOME}: the one place its storage is chosen. */
  ExportCatalog catalog() {
    return new FileExportCatalog(KtHome.fromEnvironment(env).catalog());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(new Kt(System.getenv(), out, err, System.console() != null), args));
  }

  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    return run(new Kt(env, out, err, false), args);
  }

  private static int run(Kt kt, String... args) {
    PrintWriter out = kt.out;
    PrintWriter err = kt.err;
    Map<String, String> env = kt.env;
    CommandLine commandLine = new CommandLine(kt);
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

  /** The version Maven built. */
  static class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kt-export " + ToolVersion.get()};
    }
  }
}
