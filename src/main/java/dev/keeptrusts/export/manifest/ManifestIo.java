package dev.keeptrusts.export.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads and writes {@code manifest.json} and {@code SHA256SUMS}, and hashes files. */
public final class ManifestIo {
  private ManifestIo() {}

  static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Writes {@code SHA256SUMS} and then {@code manifest.json} into {@code folder}, each to a
   * temporary name first and renamed into place, so the manifest appears last and whole.
   * Returns the SHA-256 of the manifest as written.
   */
  public static String write(Path folder, Manifest manifest) throws IOException {
    writeAtomically(folder.resolve(Manifest.CHECKSUMS_FILE_NAME), checksums(manifest));
    byte[] json = json(manifest);
    writeAtomically(folder.resolve(Manifest.FILE_NAME), json);
    return sha256(json);
  }

  /** {@code SHA256SUMS} for the manifest's files, in the format {@code sha256sum -c} reads. */
  public static byte[] checksums(Manifest manifest) {
    StringBuilder sums = new StringBuilder();
    for (Manifest.FileEntry file : manifest.files()) {
      sums.append(file.sha256()).append("  ").append(file.path()).append('\n');
    }
    return sums.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] json(Manifest manifest) throws IOException {
    return JSON.writeValueAsBytes(manifest);
  }

  /** Reads {@code folder/manifest.json}, or says plainly why it cannot. */
  public static Manifest read(Path folder) {
    Path file = folder.resolve(Manifest.FILE_NAME);
    try {
      Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
      if (manifest.manifestVersion() > Manifest.VERSION) {
        throw new ManifestException(
            file + " has manifest version " + manifest.manifestVersion() + ", newer than this kt reads (" + Manifest.VERSION
                + "): upgrade kt to verify it");
      }
      if (manifest.files() == null) {
        throw new ManifestException(file + " lists no files: it is not a kt export manifest");
      }
      return manifest;
    } catch (JsonProcessingException e) {
      throw new ManifestException(file + " is not a valid manifest: " + e.getOriginalMessage());
    } catch (IOException e) {
      if (!Files.exists(file)) {
        throw new ManifestException(
            "no " + Manifest.FILE_NAME + " in " + folder
                + ": only a folder written by kt export (or fetched with kt export download) can be verified");
      }
      throw new ManifestException("cannot read " + file + ": " + e.getMessage());
    }
  }

  public static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.write(temp, bytes);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
