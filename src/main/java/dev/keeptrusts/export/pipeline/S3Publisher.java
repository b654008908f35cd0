package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.manifest.Manifest;
import dev.keeptrusts.export.manifest.ManifestIo;
import dev.keeptrusts.export.sink.S3Store;
import dev.keeptrusts.export.sink.StagedOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes to {@code s3://bucket/prefix<export-id>/} through Beam's S3 filesystem: the staged
 * shards one at a time, then {@code SHA256SUMS}, then {@code manifest.json}. If any upload fails
 * the manifest is never written, so nothing in the bucket looks complete.
 */
public final class S3Publisher implements Publisher {
  private final S3Store store;
  private final String location;

  public S3Publisher(S3Store store, String exportId) {
    this.store = store;
    this.location = store.settings().exportLocation(exportId);
  }

  @Override
  public Published publish(StagedOutput staged, Manifest manifest) throws IOException {
    Path staging = staged.stagingDirectory();
    List<String> written = new ArrayList<>();
    try {
      for (Manifest.FileEntry file : manifest.files()) {
        written.add(location + file.path());
        store.upload(staging.resolve(file.path()), location + file.path());
      }
      written.add(location + Manifest.CHECKSUMS_FILE_NAME);
      store.put(ManifestIo.checksums(manifest), location + Manifest.CHECKSUMS_FILE_NAME);
      byte[] json = ManifestIo.json(manifest);
      store.put(json, location + Manifest.FILE_NAME);
      return new Published(location, location + Manifest.FILE_NAME, ManifestIo.sha256(json));
    } catch (IOException | RuntimeException e) {
      // Beam's S3 writer completes a multipart upload even when it is closed after a failure, so
      // remove what was written; if the store is down, what is left still has no manifest.
      store.deleteQuietly(written);
      throw new ExportFailedException("upload to " + location + " failed, no manifest was written: " + store.explain(e).getMessage());
    } finally {
      staged.discard();
    }
  }
}
