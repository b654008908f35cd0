package dev.keeptrusts.export.sink;

import dev.keeptrusts.export.request.ExportFormat;
import java.nio.file.Path;

/**
 * Where an export's files end up: a directory of shards, or — when {@code --output} names a file
 * with the format's extension, as {@code audit-prep.sh} does — exactly that one file.
 */
public record Destination(Path directory, String fileName) {

  public static Destination resolve(String output, ExportFormat format, Path defaultDirectory) {
    if (output == null || output.isBlank()) {
      return new Destination(defaultDirectory.toAbsolutePath().normalize(), null);
    }
    Path path = Path.of(output).toAbsolutePath().normalize();
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (name.toLowerCase().endsWith("." + format.extension())) {
      return new Destination(path.getParent(), name);
    }
    return new Destination(path, null);
  }

  public boolean isSingleFile() {
    return fileName != null;
  }

  /** The path shown to the user: the file, or the directory of shards. */
  public Path path() {
    return isSingleFile() ? directory.resolve(fileName) : directory;
  }
}
