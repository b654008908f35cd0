package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.manifest.Manifest;
import dev.keeptrusts.export.manifest.ManifestIo;
import dev.keeptrusts.export.sink.StagedOutput;
import java.io.IOException;
import java.nio.file.Files;

/** Publishes to the local destination by renaming the staged shards, then writes the manifest. */
final class LocalPublisher implements Publisher {
  private final ExportRequest request;

  LocalPublisher(ExportRequest request) {
    this.request = request;
  }

  @Override
  public Published publish(StagedOutput staged, Manifest manifest) throws IOException {
    staged.publish();
    Files.createDirectories(request.manifestDirectory());
    String sha256 = ManifestIo.write(request.manifestDirectory(), manifest);
    return new Published(
        request.destination().path().toString(), request.manifestDirectory().resolve(Manifest.FILE_NAME).toString(), sha256);
  }
}
