package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.StaleRuns;
import dev.keeptrusts.export.manifest.FolderVerifier;
import dev.keeptrusts.export.manifest.Manifest;
import dev.keeptrusts.export.manifest.ManifestIo;
import dev.keeptrusts.export.request.UsageException;
import dev.keeptrusts.export.sink.S3Store;
import java.io.IOException;
import org.apache.beam.sdk.io.fs.MatchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kt export download ID}: copies a completed export's files, {@code manifest.json} and
 * {@code SHA256SUMS} into a folder named after the export; with {@code --verify}, then checks
 * that folder against the manifest, and the manifest against the digest the catalog recorded.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = "Copy a completed export (files, manifest.json, SHA256SUMS) into a folder named after it.",
    footer = {
      "",
      "Examples:",
      "  kt export download exp-a1b2c3d4",
      "  kt export download exp-a1b2c3d4 --output /path/to/exports/ --verify"
    })
class ExportDownloadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The export id, e.g. exp-a1b2c3d4.")
  String id;

  @Option(names = "--output", paramLabel = "DIR", description = "Where to put the export's folder (default: the current directory).")
  Path output;

  @Option(names = "--verify", description = "Recompute every SHA-256 and record count and compare them with the manifest.")
  boolean verify;

  @Override
  public Integer call() throws IOException {
    Kt kt = (Kt) spec.root().userObject();
    ExportCatalog catalog = kt.catalog();
    ExportEntry entry = StaleRuns.reap(catalog, catalog.get(id));
    switch (entry.status) {
      case QUEUED, PROCESSING -> throw new UsageException(String.format(
          Locale.US, "export %s is still %s (%,d of %s %s written): wait for it, see `kt export status %s`",
          id, entry.status.label(), entry.recordsWritten,
          entry.recordsExpected == null ? "?" : String.format(Locale.US, "%,d", entry.recordsExpected), entry.type, id));
      case FAILED -> throw new UsageException("export " + id + " failed, so it has no files to download (" + entry.error + "); run it again");
      case CANCELLED -> throw new UsageException("export " + id + " was cancelled, so it has no files to download");
      case COMPLETED -> { }
    }
    Path parent = (output != null ? output : Path.of("")).toAbsolutePath().normalize();
    Path target = parent.resolve(folderName(entry));
    if (Files.exists(target) && !isEmptyDirectory(target)) {
      throw new UsageException(target + " already exists: remove it or choose another --output");
    }
    Files.createDirectories(parent);
    Path temp = parent.resolve(".kt-download-" + id);
    deleteTree(temp);
    Files.createDirectories(temp);
    Manifest manifest;
    try {
      if (entry.inS3()) {
        manifest = fetchFromS3(kt, entry, temp);
        Files.deleteIfExists(target); // an empty directory
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return finish(kt, entry, target, manifest);
      }
      Path manifestFolder = entry.manifestFolder();
      manifest = ManifestIo.read(manifestFolder);
      Path filesFolder = entry.filesFolder();
      // A folder of its own is copied whole, so a file added to it shows up; a single --output
      // file shares its folder with others, so only what the manifest lists is copied.
      List<String> missing =
          filesFolder.equals(manifestFolder) ? copyFolder(manifest, filesFolder, temp) : copyListed(manifest, filesFolder, temp);
      if (!missing.isEmpty() && !verify) {
        throw new UsageException(
            "file " + missing.get(0) + " of export " + id + " is missing from " + filesFolder
                + ": nothing was downloaded; run with --verify for a full report");
      }
      if (Files.exists(manifestFolder.resolve(Manifest.CHECKSUMS_FILE_NAME))) {
        Files.copy(manifestFolder.resolve(Manifest.CHECKSUMS_FILE_NAME), temp.resolve(Manifest.CHECKSUMS_FILE_NAME));
      }
      Files.copy(manifestFolder.resolve(Manifest.FILE_NAME), temp.resolve(Manifest.FILE_NAME)); // last
      if (Files.exists(target)) {
        Files.delete(target); // an empty directory
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(temp);
    }
    return finish(kt, entry, target, manifest);
  }

  /** Reports the download and, with --verify, checks it. */
  private int finish(Kt kt, ExportEntry entry, Path target, Manifest manifest) throws IOException {
    kt.out.println(String.format(
        Locale.US, "Downloaded export %s to %s (%d file%s, %,d %s)",
        id, target, manifest.files().size(), manifest.files().size() == 1 ? "" : "s", manifest.totals().records(), entry.type));
    if (!verify) {
      return Kt.OK;
    }
    FolderVerifier.Report report = FolderVerifier.verify(target);
    String manifestSha256 = ManifestIo.sha256(target.resolve(Manifest.FILE_NAME));
    if (entry.manifestSha256 != null && !entry.manifestSha256.equals(manifestSha256)) {
      List<FolderVerifier.Finding> findings = new ArrayList<>(report.findings());
      findings.add(new FolderVerifier.Finding(
          FolderVerifier.Kind.CHANGED, Manifest.FILE_NAME, "differs from the manifest recorded when the export completed"));
      report = new FolderVerifier.Report(report.manifest(), findings);
    }
    return ExportVerifyCommand.report(kt, target, report);
  }

  /**
   * Copies every object of an export in S3 into {@code temp} (objects that should not be there
   * are copied too, so verification names them) and returns its manifest.
   */
  private static Manifest fetchFromS3(Kt kt, ExportEntry entry, Path temp) throws IOException {
    S3Store store = S3Store.open(entry.spec.s3(), null, kt.env);
    try {
      for (MatchResult.Metadata object : store.list(entry.destination)) {
        Path copy = temp.resolve(object.resourceId().toString().substring(entry.destination.length())).normalize();
        if (!copy.startsWith(temp)) {
          continue;
        }
        Files.createDirectories(copy.getParent());
        store.download(object.resourceId(), copy);
      }
    } catch (IOException | RuntimeException e) {
      throw store.explain(e);
    }
    if (!Files.exists(temp.resolve(Manifest.FILE_NAME))) {
      throw new UsageException("no manifest.json in " + entry.destination + ": the export there is incomplete");
    }
    return ManifestIo.read(temp);
  }

  /** The export's name made safe as a folder name; its id when it has no name of its own. */
  static String folderName(ExportEntry entry) {
    String safe = entry.name == null ? "" : entry.name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return safe.isEmpty() ? entry.id : safe;
  }

  /** Copies the files the manifest lists; returns those that are not there. */
  private static List<String> copyListed(Manifest manifest, Path from, Path to) throws IOException {
    List<String> missing = new ArrayList<>();
    for (Manifest.FileEntry file : manifest.files()) {
      Path source = from.resolve(file.path()).normalize();
      if (!source.startsWith(from) || !Files.isRegularFile(source)) {
        missing.add(file.path());
        continue;
      }
      Path copy = to.resolve(file.path());
      Files.createDirectories(copy.getParent());
      Files.copy(source, copy);
    }
    return missing;
  }

  /**
   * Copies every file of an export folder (so a file added to it shows up in verification),
   * except the manifest and checksums, which are copied last.
   */
  private static List<String> copyFolder(Manifest manifest, Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path relative = from.relativize(source);
        String name = relative.toString();
        if (name.equals(Manifest.FILE_NAME) || name.equals(Manifest.CHECKSUMS_FILE_NAME)) {
          continue;
        }
        Path copy = to.resolve(relative);
        Files.createDirectories(copy.getParent());
        Files.copy(source, copy);
      }
    }
    return manifest.files().stream().map(Manifest.FileEntry::path).filter(path -> !Files.isRegularFile(to.resolve(path))).toList();
  }

  private static boolean isEmptyDirectory(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
