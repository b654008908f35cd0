package dev.keeptrusts.export.pipeline;

/**
 * What a finished export produced: the records and bytes written, where its files are (a local
 * path or an {@code s3://} folder) and its manifest.
 */
public record ExportResult(
    ExportRequest request, long records, long bytes, String location, String manifest, String manifestSha256) {}
