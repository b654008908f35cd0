package dev.keeptrusts.export.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The catalog as one JSON file per export in a directory. A file is only ever replaced whole (written
 * to a temporary name, then renamed), so readers need no lock; writers take an exclusive lock on
 * the directory's lock file, so two processes never update the same export at once. An entry
 * that cannot be read is reported, never dropped or rewritten.
 */
public final class FileExportCatalog implements ExportCatalog {
  private static final String LOCK_FILE = ".lock";
  /** File locks are held per JVM, so threads of one process also queue on this. */
  private static final ReentrantLock LOCAL_LOCK = new ReentrantLock();

  /** Entries as stored, and as {@code --format json} prints them. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path directory;

  public FileExportCatalog(Path directory) {
    this.directory = directory;
  }

  @Override
  public void add(ExportEntry entry) {
    withLock(() -> {
      Path file = fileOf(entry.id);
      if (Files.exists(file)) {
        throw new CatalogException("export " + entry.id + " is already in the catalog");
      }
      write(entry);
      return null;
    });
  }

  @Override
  public Optional<ExportEntry> find(String id) {
    Path file = fileOf(id);
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  @Override
  public ExportEntry update(String id, Consumer<ExportEntry> change) {
    return withLock(() -> {
      ExportEntry entry = get(id);
      change.accept(entry);
      write(entry);
      return entry;
    });
  }

  @Override
  public List<ExportEntry> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<ExportEntry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(p -> p.getFileName().toString().matches("exp-[0-9a-f]{8}\\.json")).toList()) {
        entries.add(read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entries.sort(Comparator.comparing((ExportEntry e) -> e.createdAt).thenComparing(e -> e.id).reversed());
    return entries;
  }

  private Path fileOf(String id) {
    if (id == null || !id.matches("exp-[0-9a-f]{8}")) {
      throw new UsageException("'" + id + "' is not an export id (they look like exp-1a2b3c4d): see `kt export list`");
    }
    return directory.resolve(id + ".json");
  }

  private static ExportEntry read(Path file) {
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      if (tree == null || !tree.isObject()) {
        throw new CatalogException(corrupt(file, "it is not a JSON object"));
      }
      int version = tree.path("format_version").asInt(-1);
      if (version > ExportEntry.FORMAT_VERSION) {
        throw new CatalogException(
            "catalog entry " + file + " was written by a newer kt (format " + version + "; this kt reads up to "
                + ExportEntry.FORMAT_VERSION + "): upgrade kt");
      }
      if (version < 1 || !tree.hasNonNull("id") || !tree.hasNonNull("status")) {
        throw new CatalogException(corrupt(file, "it has no format_version, id or status"));
      }
      return JSON.treeToValue(tree, ExportEntry.class);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new CatalogException(corrupt(file, e.getOriginalMessage() + where), e);
    } catch (IOException e) {
      throw new CatalogException("cannot read catalog entry " + file + ": " + e.getMessage(), e);
    }
  }

  private static String corrupt(Path file, String why) {
    return "catalog entry " + file + " is corrupt (" + why.replace('\n', ' ')
        + "): kt never resets the catalog; repair the file or move it out of the catalog directory";
  }

  private void write(ExportEntry entry) {
    try {
      Files.createDirectories(directory);
      Path target = fileOf(entry.id);
      Path temp = directory.resolve("." + entry.id + "." + ProcessHandle.current().pid() + ".tmp");
      JSON.writeValue(temp.toFile(), entry);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the catalog in " + directory, e);
    }
  }

  private <T> T withLock(java.util.function.Supplier<T> action) {
    LOCAL_LOCK.lock();
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
              FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        return action.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the catalog in " + directory, e);
    } finally {
      LOCAL_LOCK.unlock();
    }
  }
}
