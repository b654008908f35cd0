package dev.keeptrusts.export.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where kt keeps its state: {@code KT_HOME}, or {@code ~/.keeptrusts}. Holds {@code config.yaml},
 * the catalog of exports, the demo database and the default export directory.
 */
public record KtHome(Path path) {
  public static KtHome fromEnvironment(Map<String, String> env) {
    String home = env.get("KT_HOME");
    if (home != null && !home.isBlank()) {
      return new KtHome(Path.of(home).toAbsolutePath());
    }
    return new KtHome(Path.of(System.getProperty("user.home"), ".keeptrusts"));
  }

  public Path configFile() {
    return path.resolve("config.yaml");
  }

  public Path exports() {
    return path.resolve("exports");
  }

  /** The catalog of exports: one JSON file per export, and the logs of background runs. */
  public Path catalog() {
    return path.resolve("catalog");
  }

  public Path demoDirectory() {
    return path.resolve("demo");
  }
}
