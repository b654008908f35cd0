package dev.keeptrusts.export.manifest;

import dev.keeptrusts.export.request.ExportFormat;
import dev.keeptrusts.export.sink.RecordCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a folder against its {@code manifest.json}: every listed file is present with the same
 * bytes (SHA-256 and size) and the same number of records, {@code SHA256SUMS} agrees with the
 * manifest, and nothing else is in the folder.
 */
public final class FolderVerifier {
  private FolderVerifier() {}

  /** What was found for one file. */
  public enum Kind {
    OK,
    CHANGED,
    MISSING,
    UNEXPECTED
  }

  public record Finding(Kind kind, String path, String detail) {}

  public record Report(Manifest manifest, List<Finding> findings) {
    public boolean passed() {
      return findings.stream().allMatch(f -> f.kind() == Kind.OK);
    }

    public long count(Kind kind) {
      return findings.stream().filter(f -> f.kind() == kind).count();
    }
  }

  public static Report verify(Path folder) {
    Manifest manifest = ManifestIo.read(folder);
    ExportFormat format = ExportFormat.parse(manifest.format());
    List<Finding> findings = new ArrayList<>();
    Set<Path> expected = new HashSet<>();
    expected.add(folder.resolve(Manifest.FILE_NAME).normalize());
    expected.add(folder.resolve(Manifest.CHECKSUMS_FILE_NAME).normalize());
    long records = 0;
    long bytes = 0;
    for (Manifest.FileEntry entry : manifest.files()) {
      Path file = folder.resolve(entry.path()).normalize();
      expected.add(file);
      records += entry.records();
      bytes += entry.bytes();
      findings.add(check(folder, file, entry, format));
    }
    if (manifest.totals() == null
        || manifest.totals().records() != records
        || manifest.totals().bytes() != bytes
        || manifest.totals().files() != manifest.files().size()) {
      findings.add(new Finding(Kind.CHANGED, Manifest.FILE_NAME, "its totals do not add up to its files"));
    }
    findings.add(checkSums(folder, manifest));
    try (Stream<Path> all = Files.walk(folder)) {
      all.filter(Files::isRegularFile)
          .map(Path::normalize)
          .filter(p -> !expected.contains(p))
          .sorted()
          .forEach(p -> findings.add(new Finding(Kind.UNEXPECTED, folder.relativize(p).toString(), "not listed in the manifest")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Report(manifest, findings);
  }

  private static Finding check(Path folder, Path file, Manifest.FileEntry entry, ExportFormat format) {
    if (!file.startsWith(folder.normalize())) {
      return new Finding(Kind.CHANGED, entry.path(), "the manifest points outside the folder");
    }
    if (!Files.isRegularFile(file)) {
      return new Finding(Kind.MISSING, entry.path(), "listed in the manifest but not in the folder");
    }
    try {
      long size = Files.size(file);
      if (size != entry.bytes()) {
        return new Finding(Kind.CHANGED, entry.path(), size + " bytes, the manifest says " + entry.bytes());
      }
      if (!ManifestIo.sha256(file).equals(entry.sha256())) {
        return new Finding(Kind.CHANGED, entry.path(), "SHA-256 differs from the manifest");
      }
      long records;
      try {
        records = RecordCounter.count(file, format);
      } catch (IOException | RuntimeException e) {
        return new Finding(Kind.CHANGED, entry.path(), "cannot be read as " + format.displayName() + ": " + e.getMessage());
      }
      if (records != entry.records()) {
        return new Finding(Kind.CHANGED, entry.path(), records + " records, the manifest says " + entry.records());
      }
      return new Finding(Kind.OK, entry.path(), String.format(java.util.Locale.US, "%,d records, SHA-256 ", records) + entry.sha256().substring(0, 12) + "…");
    } catch (IOException e) {
      return new Finding(Kind.CHANGED, entry.path(), "cannot be read: " + e.getMessage());
    }
  }

  /** {@code SHA256SUMS} must hold exactly the manifest's files and digests. */
  private static Finding checkSums(Path folder, Manifest manifest) {
    Path sums = folder.resolve(Manifest.CHECKSUMS_FILE_NAME);
    if (!Files.isRegularFile(sums)) {
      return new Finding(Kind.MISSING, Manifest.CHECKSUMS_FILE_NAME, "the checksum file is not in the folder");
    }
    StringBuilder expected = new StringBuilder();
    for (Manifest.FileEntry file : manifest.files()) {
      expected.append(file.sha256()).append("  ").append(file.path()).append('\n');
    }
    try {
      if (!Files.readString(sums, StandardCharsets.UTF_8).equals(expected.toString())) {
        return new Finding(Kind.CHANGED, Manifest.CHECKSUMS_FILE_NAME, "does not match the manifest");
      }
    } catch (IOException e) {
      return new Finding(Kind.CHANGED, Manifest.CHECKSUMS_FILE_NAME, "cannot be read: " + e.getMessage());
    }
    return new Finding(Kind.OK, Manifest.CHECKSUMS_FILE_NAME, "matches the manifest");
  }
}
