package dev.keeptrusts.export.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keeptrusts.export.request.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExportCatalogTest {
  @TempDir Path directory;

  static ExportEntry entry(String id, String createdAt) {
    ExportEntry entry = new ExportEntry();
    entry.id = id;
    entry.name = id;
    entry.type = "events";
    entry.format = "csv";
    entry.status = ExportStatus.QUEUED;
    entry.createdAt = createdAt;
    return entry;
  }

  @Test
  void entriesRoundTripAndListNewestFirst() {
    FileExportCatalog catalog = new FileExportCatalog(directory);
    catalog.add(entry("exp-00000001", "2025-01-01T00:00:00Z"));
    catalog.add(entry("exp-00000002", "2025-01-02T00:00:00Z"));
    catalog.update("exp-00000001", e -> {
      e.status = ExportStatus.COMPLETED;
      e.recordsWritten = 42;
    });
    List<ExportEntry> all = catalog.list();
    assertEquals(List.of("exp-00000002", "exp-00000001"), all.stream().map(e -> e.id).toList());
    assertEquals(ExportStatus.COMPLETED, catalog.get("exp-00000001").status);
    assertEquals(42, catalog.get("exp-00000001").recordsWritten);
    assertThrows(CatalogException.class, () -> catalog.add(entry("exp-00000001", "2025-01-03T00:00:00Z")));
    assertThrows(UsageException.class, () -> catalog.get("exp-0000000f"));
  }

  /**
   * Two processes each increment one entry's counter 150 times: with a lost update the total
   * would fall short, with a torn write a read would fail.
   */
  @Test
  void concurrentProcessesLoseNoUpdate() throws Exception {
    FileExportCatalog catalog = new FileExportCatalog(directory);
    catalog.add(entry("exp-0000000c", "2025-01-01T00:00:00Z"));
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      processes.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Incrementer.class.getName(),
                  directory.toString(),
                  "150")
              .redirectErrorStream(true)
              .start());
    }
    for (Process process : processes) {
      String output = new String(process.getInputStream().readAllBytes());
      assertEquals(0, process.waitFor(), output);
    }
    assertEquals(300, catalog.get("exp-0000000c").recordsWritten);
    try (var files = Files.list(directory)) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  /** The other process of {@link #concurrentProcessesLoseNoUpdate}. */
  public static final class Incrementer {
    public static void main(String[] args) {
      FileExportCatalog catalog = new FileExportCatalog(Path.of(args[0]));
      for (int i = 0; i < Integer.parseInt(args[1]); i++) {
        catalog.update("exp-0000000c", e -> e.recordsWritten++);
        catalog.list(); // reads while the other process writes
      }
    }
  }
}
