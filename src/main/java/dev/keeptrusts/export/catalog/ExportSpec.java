package dev.keeptrusts.export.catalog;

import dev.keeptrusts.export.sink.S3Settings;
import java.util.List;

/**
 * The resolved flags of one export, enough for a background process to run exactly the export
 * that was asked for: the window is absolute (a {@code --since} was resolved when the export was
 * created), the output is an absolute path, and S3 settings (no credentials) are resolved. The database URL and user travel to that process
 * in its environment, not here.
 */
public record ExportSpec(
    String type,
    String from,
    String to,
    List<String> filters,
    String format,
    String output,
    int shards,
    String compression,
    boolean csvRaw,
    String name,
    List<String> beamOptions,
    S3Settings s3) {}
