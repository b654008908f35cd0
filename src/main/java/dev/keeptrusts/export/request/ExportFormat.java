package dev.keeptrusts.export.request;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The file formats {@code kt export --format} writes. */
public enum ExportFormat {
  JSON("json", "JSON"),
  JSONL("jsonl", "JSONL"),
  CSV("csv", "CSV"),
  PARQUET("parquet", "Parquet");

  private final String extension;
  private final String displayName;

  ExportFormat(String extension, String displayName) {
    this.extension = extension;
    this.displayName = displayName;
  }

  public String extension() {
    return extension;
  }

  public String displayName() {
    return displayName;
  }

  public static ExportFormat parse(String value) {
    for (ExportFormat format : values()) {
      if (format.extension.equalsIgnoreCase(value)) {
        return format;
      }
    }
    throw new UsageException("unknown --format '" + value + "': use one of " + names());
  }

  public static String names() {
    return Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", "));
  }
}
