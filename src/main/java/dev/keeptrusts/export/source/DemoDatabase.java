package dev.keeptrusts.export.source;

import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The embedded H2 database kt reads when no source is configured, so {@code kt export create}
 * works with nothing installed. It is created on first use and filled with {@link DemoData}; it
 * is built under a temporary name and renamed when complete, so a half-seeded database is never
 * used.
 */
public final class DemoDatabase {
  public static final long EVENTS = 200_000;
  private static final String NAME = "kt-demo";

  private DemoDatabase() {}

  /** The demo database in {@code directory}, created and seeded if it does not exist yet. */
  public static JdbcSource open(Path directory) {
    Path file = directory.resolve(NAME + ".mv.db");
    if (!Files.exists(file)) {
      create(directory, file);
    }
    // Once built, the file is never written again, so every kt process opens it read-only and
    // without a file lock: any number of exports can read it at once, and none depends on another
    // process staying alive (as H2's AUTO_SERVER would make them).
    return new JdbcSource("jdbc:h2:file:" + directory.resolve(NAME) + ";ACCESS_MODE_DATA=r;FILE_LOCK=NO", "kt", "");
  }

  private static JdbcSource source(Path directory, String name) {
    return new JdbcSource("jdbc:h2:file:" + directory.resolve(name), "kt", "");
  }

  private static void create(Path directory, Path file) {
    try {
      Files.createDirectories(directory);
      try (FileChannel lockFile =
              FileChannel.open(directory.resolve(NAME + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        if (Files.exists(file)) {
          return; // another kt process created it while this one waited
        }
        String building = NAME + "-building";
        Files.deleteIfExists(directory.resolve(building + ".mv.db"));
        DemoData.seed(source(directory, building), EVENTS, Instant.now().truncatedTo(ChronoUnit.SECONDS), false);
        Files.move(directory.resolve(building + ".mv.db"), file, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo database in " + directory, e);
    } catch (UsageException e) {
      throw new UsageException("cannot create the demo database in " + directory + ": " + e.getMessage(), e);
    }
  }
}
