package dev.keeptrusts.export.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of kt-export, as Maven built it; recorded in every manifest. */
public final class ToolVersion {
  private ToolVersion() {}

  private static final String VERSION = load();

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("/kt-export-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
