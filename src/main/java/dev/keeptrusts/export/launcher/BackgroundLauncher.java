package dev.keeptrusts.export.launcher;

import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.ProcessIdentity;
import dev.keeptrusts.export.source.JdbcSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code kt export run ID} as a separate process that outlives this one and the terminal:
 * it gets its own session (through {@code setsid} where the system has it, else {@code nohup}),
 * no standard input, and a log file. The database URL, user and password reach it through its
 * environment, never its command line or the catalog.
 */
public final class BackgroundLauncher {
  private BackgroundLauncher() {}

  /** The command the background process runs: the hidden {@code kt export run}. */
  static final String MAIN_CLASS = "dev.keeptrusts.export.cli.Kt";

  public static ExportEntry.Run start(Map<String, String> env, String exportId, JdbcSource source, Path logFile) {
    List<String> command = new ArrayList<>();
    detacher(env).ifPresent(command::add);
    command.add(javaExecutable());
    command.addAll(inheritedJvmOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN_CLASS);
    command.addAll(List.of("export", "run", exportId));

    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> childEnv = builder.environment();
    childEnv.clear();
    childEnv.putAll(env);
    putOrRemove(childEnv, "KT_JDBC_URL", source.url());
    putOrRemove(childEnv, "KT_JDBC_USER", source.user());
    putOrRemove(childEnv, "KT_JDBC_PASSWORD", source.password());
    try {
      Files.createDirectories(logFile.getParent());
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.redirectErrorStream(true);
      return ProcessIdentity.of(builder.start().toHandle());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the export process: " + e.getMessage(), e);
    }
  }

  private static java.util.Optional<String> detacher(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String tool : List.of("setsid", "nohup")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
        if (Files.isExecutable(candidate)) {
          return java.util.Optional.of(candidate.toString());
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** Heap size and module openings of this JVM (set through KT_JAVA_OPTS), so the run gets the same. */
  private static List<String> inheritedJvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss") || a.startsWith("-XX:") || a.startsWith("--add-opens")
            || a.startsWith("--add-exports"))
        .toList();
  }

  private static void putOrRemove(Map<String, String> env, String key, String value) {
    if (value == null) {
      env.remove(key);
    } else {
      env.put(key, value);
    }
  }
}
