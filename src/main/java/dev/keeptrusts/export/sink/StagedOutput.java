package dev.keeptrusts.export.sink;

import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hidden staging directory beside the destination, so that an export's files appear where the
 * user asked only when the whole export has succeeded: the pipeline writes into it, {@link
 * #publish} renames the finished files into place, and {@link #discard} removes everything after
 * a failure.
 */
public final class StagedOutput {
  /** The subdirectory of the staging directory that holds part files. */
  public static final String PARTS = ".parts";

  private static final String STAGING_PREFIX = ".kt-staging-";

  private final Destination destination;
  private final Path staging;
  private final boolean createdDirectory;

  private StagedOutput(Destination destination, Path staging, boolean createdDirectory) {
    this.destination = destination;
    this.staging = staging;
    this.createdDirectory = createdDirectory;
  }

  /** Creates the destination directory and the staging directory inside it, or says why it cannot. */
  public static StagedOutput prepare(Destination destination, String exportId, String prefix, String extension) {
    Path directory = destination.directory();
    try {
      boolean created = !Files.isDirectory(directory);
      Files.createDirectories(directory);
      refuseEarlierShards(destination, prefix, extension);
      Path staging = Files.createDirectories(directory.resolve(STAGING_PREFIX + exportId));
      Files.createDirectories(staging.resolve(PARTS));
      if (!Files.isWritable(staging)) {
        throw new UsageException("cannot write to " + directory + ": permission denied; choose another --output");
      }
      return new StagedOutput(destination, staging, created);
    } catch (FileSystemException e) {
      String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
      throw new UsageException("cannot write to " + directory + " (" + reason + " at " + e.getFile() + "); choose another --output", e);
    } catch (IOException e) {
      throw new UsageException("cannot write to " + directory + ": " + e.getMessage() + "; choose another --output", e);
    }
  }

  /**
   * Refuses a directory that already holds an export's manifest, or shards of this kind, which
   * the new shards would overwrite or sit beside (an export of 2 shards next to an older one of 4).
   */
  private static void refuseEarlierShards(Destination destination, String prefix, String extension) throws IOException {
    if (destination.isSingleFile() || !Files.isDirectory(destination.directory())) {
      return;
    }
    if (Files.exists(destination.directory().resolve("manifest.json"))) {
      throw new UsageException(
          destination.directory() + " already holds an export (it has a manifest.json): choose an empty directory for --output");
    }
    String pattern = java.util.regex.Pattern.quote(prefix) + "-\\d{5}-of-\\d{5}\\." + java.util.regex.Pattern.quote(extension);
    try (Stream<Path> files = Files.list(destination.directory())) {
      if (files.anyMatch(f -> f.getFileName().toString().matches(pattern))) {
        throw new UsageException(
            destination.directory() + " already holds " + prefix + " shards of an earlier export: choose an empty directory for --output");
      }
    }
  }

  /** Where the pipeline writes its shards. */
  public Path stagingDirectory() {
    return staging;
  }

  /** Moves the finished shards to the destination and returns their final paths, in name order. */
  public List<Path> publish() {
    try {
      List<Path> shards = stagedShards();
      List<Path> published = new ArrayList<>();
      if (destination.isSingleFile()) {
        if (shards.size() != 1) {
          throw new IllegalStateException("expected one file in " + staging + ", found " + shards.size());
        }
        published.add(move(shards.get(0), destination.directory().resolve(destination.fileName())));
      } else {
        for (Path shard : shards) {
          published.add(move(shard, destination.directory().resolve(shard.getFileName())));
        }
      }
      discard();
      return published;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes the staging directory and everything in it, and the destination directory too if this
   * export created it and nothing was published; safe to call more than once.
   */
  public void discard() {
    try {
      if (Files.exists(staging)) {
        try (Stream<Path> paths = Files.walk(staging)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
      if (createdDirectory && Files.isDirectory(destination.directory())) {
        try (Stream<Path> left = Files.list(destination.directory())) {
          if (left.findAny().isEmpty()) {
            Files.delete(destination.directory());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + staging, e);
    }
  }

  /** Removes the staging directory an export left in {@code directory} when its process died. */
  public static void discardLeftovers(Path directory, String exportId) {
    new StagedOutput(null, directory.resolve(STAGING_PREFIX + exportId), false).discard();
  }

  private List<Path> stagedShards() throws IOException {
    try (Stream<Path> files = Files.list(staging)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static Path move(Path from, Path to) throws IOException {
    return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
