package dev.keeptrusts.export.pipeline;

import java.nio.file.Path;
import java.util.List;

/** What a finished export produced: the records written, the files they are in and its manifest. */
public record ExportResult(
    ExportRequest request, long records, long bytes, List<Path> files, Path manifest, String manifestSha256) {}
