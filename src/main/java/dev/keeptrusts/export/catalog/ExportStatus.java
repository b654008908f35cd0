package dev.keeptrusts.export.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.keeptrusts.export.request.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an export is in its life. Completed, failed and cancelled are final. */
public enum ExportStatus {
  QUEUED,
  PROCESSING,
  COMPLETED,
  FAILED,
  CANCELLED;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  @JsonCreator
  public static ExportStatus fromLabel(String label) {
    for (ExportStatus status : values()) {
      if (status.label().equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown status " + label);
  }

  /** Parses a {@code --status} flag, listing the valid statuses when it is not one. */
  public static ExportStatus parse(String flag) {
    for (ExportStatus status : values()) {
      if (status.label().equalsIgnoreCase(flag)) {
        return status;
      }
    }
    throw new UsageException("unknown --status '" + flag + "': use one of " + labels());
  }

  public static String labels() {
    return Arrays.stream(values()).map(ExportStatus::label).collect(Collectors.joining(", "));
  }
}
