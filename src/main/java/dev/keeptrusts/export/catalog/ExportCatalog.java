package dev.keeptrusts.export.catalog;

import dev.keeptrusts.export.request.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The record of every export, shared by all {@code kt} processes using the same home. The one
 * interface storage hides behind, so a shared database can take the place of the local files.
 */
public interface ExportCatalog {
  /** Adds a new export; fails if its id is taken. */
  void add(ExportEntry entry);

  Optional<ExportEntry> find(String id);

  /**
   * Changes one export atomically: no other process reads a half-written entry or updates it at
   * the same time. Returns the entry as stored after the change.
   */
  ExportEntry update(String id, Consumer<ExportEntry> change);

  /** Every export, newest first. */
  List<ExportEntry> list();

  /** The entry, or a one-line error that suggests {@code kt export list}. */
  default ExportEntry get(String id) {
    return find(id)
        .orElseThrow(() -> new UsageException("no export " + id + " in the catalog: see `kt export list` for the exports there are"));
  }
}
