package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.request.UsageException;
import picocli.CommandLine.Option;

/** {@code --format text|json}, for commands whose output scripts may read. */
class OutputFormatFlag {
  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output as text (default) or JSON.")
  String format;

  boolean json() {
    if (format.equalsIgnoreCase("json")) {
      return true;
    }
    if (format.equalsIgnoreCase("text")) {
      return false;
    }
    throw new UsageException("unknown --format '" + format + "': use text or json");
  }
}
