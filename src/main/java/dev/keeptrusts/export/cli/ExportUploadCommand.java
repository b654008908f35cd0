package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.ExportStatus;
import dev.keeptrusts.export.catalog.StaleRuns;
import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.KtHome;
import dev.keeptrusts.export.manifest.Manifest;
import dev.keeptrusts.export.manifest.ManifestIo;
import dev.keeptrusts.export.request.UsageException;
import dev.keeptrusts.export.sink.S3Settings;
import dev.keeptrusts.export.sink.S3Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.fs.MatchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kt export upload ID}: copies a completed local export to {@code s3://B/P<export-id>/}
 * (files, then SHA256SUMS, then manifest.json) after checking every file still matches its
 * manifest, and records the location in the catalog. Uploading again writes the same objects.
 */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = "Upload a completed export to S3 (files, SHA256SUMS, then manifest.json).",
    footer = {"", "Example: kt export upload exp-a1b2c3d4 --s3-bucket my-compliance-bucket --s3-prefix exports/2025/Q1/"})
class ExportUploadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The export id, e.g. exp-a1b2c3d4.")
  String id;

  @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "The bucket (default: export.s3.bucket).")
  String s3Bucket;

  @Option(names = "--s3-prefix", paramLabel = "PREFIX", description = "Key prefix (default: export.s3.prefix).")
  String s3Prefix;

  @Override
  public Integer call() throws IOException {
    Kt kt = (Kt) spec.root().userObject();
    KtHome home = KtHome.fromEnvironment(kt.env);
    KtConfig config = kt.config(home);
    S3Settings settings = S3Settings.resolve(s3Bucket, s3Prefix, true, config, kt.env);
    ExportCatalog catalog = kt.catalog();
    ExportEntry entry = StaleRuns.reap(catalog, catalog.get(id));
    if (entry.status != ExportStatus.COMPLETED) {
      throw new UsageException("export " + id + " is " + entry.status.label() + ": only a completed export can be uploaded");
    }
    if (entry.inS3()) {
      throw new UsageException("export " + id + " was written to " + entry.destination + " already");
    }
    Path manifestFolder = entry.manifestFolder();
    Manifest manifest = ManifestIo.read(manifestFolder);
    Path filesFolder = entry.filesFolder();
    for (Manifest.FileEntry file : manifest.files()) {
      Path local = filesFolder.resolve(file.path());
      if (!Files.isRegularFile(local) || !ManifestIo.sha256(local).equals(file.sha256())) {
        throw new UsageException(
            local + " is missing or no longer matches the manifest: nothing was uploaded; see `kt export download " + id + " --verify`");
      }
    }

    S3Store store = S3Store.open(settings, null, kt.env);
    store.checkBucket();
    String location = settings.exportLocation(id);
    // A manifest from an earlier upload goes first, so the folder never looks complete while
    // its files are being replaced.
    store.deleteQuietly(List.of(location + Manifest.FILE_NAME));
    try {
      for (Manifest.FileEntry file : manifest.files()) {
        store.upload(filesFolder.resolve(file.path()), location + file.path());
      }
      store.upload(manifestFolder.resolve(Manifest.CHECKSUMS_FILE_NAME), location + Manifest.CHECKSUMS_FILE_NAME);
      store.upload(manifestFolder.resolve(Manifest.FILE_NAME), location + Manifest.FILE_NAME);
      Map<String, Long> sizes = new HashMap<>();
      for (MatchResult.Metadata object : store.list(location)) {
        sizes.put(object.resourceId().getFilename(), object.sizeBytes());
      }
      for (Manifest.FileEntry file : manifest.files()) {
        if (!Long.valueOf(file.bytes()).equals(sizes.get(file.path()))) {
          throw new UsageException("object " + location + file.path() + " has " + sizes.get(file.path()) + " bytes after the upload, not "
              + file.bytes() + ": upload again");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UsageException usage) {
        throw usage;
      }
      throw store.explain(e);
    }
    catalog.update(id, e -> e.s3Location = location);
    kt.out.println(String.format(
        Locale.US, "Uploaded export %s to %s (%d file%s, %,d bytes, manifest.json last)",
        id, location, manifest.files().size(), manifest.files().size() == 1 ? "" : "s", manifest.totals().bytes()));
    return Kt.OK;
  }
}
