package dev.keeptrusts.export.config;

import java.util.Map;

/**
 * One configuration value and where it came from. Every setting is looked up the same way: the
 * config file, then environment variables, then a default; flags are applied by the command.
 */
public record Setting(String value, String origin) {
  public static final String NOT_SET = "not set";

  /** {@code configKey} in the file, else the first of {@code envKeys} that is set, else {@code fallback}. */
  public static Setting lookup(KtConfig config, String configKey, Map<String, String> env, String fallback, String... envKeys) {
    String fromFile = config.text(configKey);
    if (fromFile != null && !fromFile.isBlank()) {
      return new Setting(fromFile, "config file");
    }
    for (String key : envKeys) {
      String fromEnv = env.get(key);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return new Setting(fromEnv, "environment " + key);
      }
    }
    return fallback == null ? new Setting(null, NOT_SET) : new Setting(fallback, "default");
  }
}
