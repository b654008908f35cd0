package dev.keeptrusts.export.pipeline;

import java.nio.file.Path;
import java.util.List;

/** What a finished export produced: the records written and the files they are in. */
public record ExportResult(ExportRequest request, long records, long bytes, List<Path> files) {}
