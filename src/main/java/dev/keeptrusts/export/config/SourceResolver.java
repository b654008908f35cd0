package dev.keeptrusts.export.config;

import dev.keeptrusts.export.source.DemoDatabase;
import dev.keeptrusts.export.source.JdbcSource;
import java.util.Map;

/**
 * Picks the database an export reads, with one precedence: flag, then environment ({@code
 * KT_JDBC_URL}, {@code KT_JDBC_USER}), then {@code source:} in the config file, then the embedded
 * demo database. The password only ever comes from {@code KT_JDBC_PASSWORD}.
 */
public final class SourceResolver {
  private SourceResolver() {}

  /** The resolved source and whether it is the demo database. */
  public record Resolved(JdbcSource source, boolean demo) {}

  public static Resolved resolve(String urlFlag, String userFlag, Map<String, String> env, KtConfig config, KtHome home) {
    String url = first(urlFlag, env.get("KT_JDBC_URL"), config.text("source.jdbc_url"));
    String user = first(userFlag, env.get("KT_JDBC_USER"), config.text("source.jdbc_user"));
    if (url == null) {
      return new Resolved(DemoDatabase.open(home.demoDirectory()), true);
    }
    return new Resolved(new JdbcSource(url, user, env.get("KT_JDBC_PASSWORD")), false);
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
