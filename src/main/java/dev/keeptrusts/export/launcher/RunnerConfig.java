package dev.keeptrusts.export.launcher;

import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.pipeline.ExportOptions;
import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * A runner option file from {@code runner-configs/}: Beam pipeline options, one per line as after
 * {@code --}, with {@code #} comments. {@code --runner direct|flink|spark} picks the bundled
 * {@code direct}, {@code flink-local} or {@code spark-local} file; {@code --runner-config FILE}
 * takes any file. Options after {@code --} on the command line win over the file.
 */
public record RunnerConfig(String name, List<String> options) {
  private static final Map<String, String> BUNDLED =
      Map.of("direct", "direct", "flink", "flink-local", "spark", "spark-local");

  /**
   * The runner used when neither the flags nor the config file choose one: the DirectRunner,
   * which starts fastest, for exports below {@link #LARGE_EXPORT} records, and Flink's embedded
   * cluster from there on (see bench/RESULTS.md).
   */
  public static final String DEFAULT_RUNNER = "direct";

  /** From this many records, an export with no runner chosen runs on Flink's embedded cluster. */
  public static final long LARGE_EXPORT = 500_000;

  /**
   * The runner file, with one precedence: {@code --runner} or {@code --runner-config}, else
   * {@code runner.name} or {@code runner.config} in the config file, else {@link #DEFAULT_RUNNER}.
   */
  public static RunnerConfig resolve(String runner, Path runnerConfigFile, KtConfig config) {
    if (runner == null && runnerConfigFile == null) {
      String file = config.text("runner.config");
      return resolve(config.text("runner.name"), file == null ? null : Path.of(file));
    }
    return resolve(runner, runnerConfigFile);
  }

  /** Where the runner choice comes from, for {@code kt config show}. */
  public static String origin(String runner, Path runnerConfigFile, KtConfig config) {
    if (runner != null || runnerConfigFile != null) {
      return "flag";
    }
    return config.has("runner.name") || config.has("runner.config") ? "config file" : "default";
  }

  static RunnerConfig resolve(String runner, Path runnerConfigFile) {
    if (runner != null && runnerConfigFile != null) {
      throw new UsageException("--runner and --runner-config (or runner.name and runner.config) both choose the runner: give one of them");
    }
    if (runnerConfigFile != null) {
      Path file = runnerConfigFile.toAbsolutePath();
      if (!Files.isRegularFile(file)) {
        throw new UsageException("runner config " + file + " does not exist: give a file like those in runner-configs/");
      }
      try {
        return new RunnerConfig(file.toString(), parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UsageException("cannot read runner config " + file + ": " + e.getMessage());
      }
    }
    String key = runner == null ? DEFAULT_RUNNER : runner.toLowerCase();
    String bundled = BUNDLED.get(key);
    if (bundled == null) {
      throw new UsageException(
          "runner '" + runner + "' is not available in this build: use direct, flink or spark, or --runner-config FILE"
              + (key.equals("dataflow") ? " (Dataflow's runner is not packaged; see the README)" : ""));
    }
    String resource = "/runner-configs/" + bundled + ".options";
    try (InputStream in = RunnerConfig.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      return new RunnerConfig(bundled, parse(bundled, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file's options, each checked to be a Beam option that this build knows. */
  static List<String> parse(String source, List<String> lines) {
    PipelineOptionsFactory.register(S3Options.class);
    List<String> options = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.startsWith("--")) {
        throw new UsageException(source + " line " + (i + 1) + ": '" + line + "' is not an option; write --key=value");
      }
      try {
        PipelineOptionsFactory.fromArgs(line).as(ExportOptions.class);
      } catch (IllegalArgumentException e) {
        String key = line.substring(2).split("=", 2)[0];
        throw new UsageException(source + " line " + (i + 1) + ": unknown or invalid option '" + key + "': " + firstLine(e.getMessage()));
      }
      options.add(line);
    }
    return options;
  }

  /** This file's options, then {@code overrides} (after {@code --}), one value per key, the later winning. */
  public List<String> mergedWith(List<String> overrides) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String option : options) {
      byKey.put(option.split("=", 2)[0], option);
    }
    for (String option : overrides) {
      byKey.remove(option.split("=", 2)[0]);
      byKey.put(option.split("=", 2)[0], option);
    }
    return List.copyOf(byKey.values());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
