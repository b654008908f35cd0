package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.manifest.Manifest;
import dev.keeptrusts.export.sink.StagedOutput;
import java.io.IOException;

/**
 * Puts a reconciled export where it belongs: its shards first, then {@code SHA256SUMS}, then
 * {@code manifest.json} last, so that the manifest's presence marks the export complete.
 */
public interface Publisher {
  /** Where the export was put: its folder or file, its manifest, and the manifest's SHA-256. */
  record Published(String location, String manifest, String manifestSha256) {}

  Published publish(StagedOutput staged, Manifest manifest) throws IOException;
}
