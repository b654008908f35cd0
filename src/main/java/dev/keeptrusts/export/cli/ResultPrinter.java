package dev.keeptrusts.export.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.ExportStatus;
import dev.keeptrusts.export.catalog.FileExportCatalog;
import dev.keeptrusts.export.manifest.FolderVerifier;
import dev.keeptrusts.export.pipeline.ExportRequest;
import dev.keeptrusts.export.pipeline.ExportResult;
import dev.keeptrusts.export.request.ExportFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints results in the shapes the documentation shows, and as JSON for scripts. */
final class ResultPrinter {
  private ResultPrinter() {}

  /** The block {@code kt export create} prints; {@code result} is null while the export still runs. */
  static void printCreated(PrintWriter out, ExportRequest request, long records, ExportResult result) {
    String entity = request.type().plural();
    out.println("Export created successfully");
    out.println("─────────────────────────");
    out.println("Export ID: " + request.id());
    out.println("Name: " + request.name());
    out.println("Format: " + request.format().displayName());
    out.println("Time range: " + request.window().from() + " — " + request.window().to());
    out.println(capitalized(entity) + ": " + count(records));
    out.println("Size: " + (result == null ? "pending" : humanSize(result.bytes())));
    out.println("Status: " + (result == null ? "processing" : "completed"));
    if (result != null) {
      out.println("Output: " + result.location());
      out.println("Manifest: " + result.manifest());
    }
    out.println();
    out.println("Track progress: kt export status " + request.id());
    out.println("Download: kt export download " + request.id());
  }

  static void printStatus(PrintWriter out, ExportEntry entry) {
    out.println("Export Status");
    out.println("─────────────");
    out.println("ID: " + entry.id);
    out.println("Name: " + entry.name);
    out.println("Status: " + entry.status.label());
    out.println("Progress: " + progress(entry) + " " + entry.type);
    out.println("Size: " + (entry.bytes == null ? "pending" : humanSize(entry.bytes)));
    out.println("Created: " + entry.createdAt);
    if (entry.startedAt != null && entry.status != ExportStatus.COMPLETED) {
      out.println("Started: " + entry.startedAt);
    }
    if (entry.completedAt != null) {
      out.println((entry.status == ExportStatus.COMPLETED ? "Completed: " : "Ended: ") + entry.completedAt);
    }
    out.println("Format: " + ExportFormat.parse(entry.format).displayName());
    if (entry.window != null) {
      out.println("Time range: " + entry.window.from() + " — " + entry.window.to());
    }
    if (!entry.filters.isEmpty()) {
      out.println("Filters: " + String.join(" AND ", entry.filters));
    }
    out.println("Output: " + entry.destination);
    if (entry.manifest != null) {
      out.println("Manifest: " + entry.manifest);
    }
    if (entry.error != null) {
      out.println("Error: " + entry.error);
    }
  }

  static void printList(PrintWriter out, List<ExportEntry> entries) {
    if (entries.isEmpty()) {
      out.println("No exports. Create one with: kt export create --since 30d --format json");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "NAME", "STATUS", "PROGRESS", "SIZE", "CREATED"});
    for (ExportEntry e : entries) {
      rows.add(new String[] {
        e.id, e.name, e.status.label(), progress(e) + " " + e.type, e.bytes == null ? "-" : humanSize(e.bytes), e.createdAt
      });
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** An entry as scripts see it: the catalog record without the internals of running it. */
  static ObjectNode json(ExportEntry entry) {
    ObjectNode node = FileExportCatalog.JSON.valueToTree(entry);
    node.remove(List.of("spec", "run", "cancel_requested", "format_version"));
    return node;
  }

  static void printJson(PrintWriter out, Object value) {
    try {
      out.println(FileExportCatalog.JSON.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The findings of a verification, one line per file. */
  static void printVerification(PrintWriter out, java.nio.file.Path folder, FolderVerifier.Report report) {
    out.println("Verifying " + folder + " against its manifest.json (export " + report.manifest().exportId() + ")");
    for (FolderVerifier.Finding finding : report.findings()) {
      out.println(String.format("  %-10s %s: %s", finding.kind(), finding.path(), finding.detail()));
    }
    if (report.passed()) {
      out.println(String.format(
          Locale.US,
          "Verified: %d file%s, %,d records, every SHA-256 and record count matches the manifest",
          report.manifest().files().size(),
          report.manifest().files().size() == 1 ? "" : "s",
          report.manifest().totals().records()));
    }
  }

  private static String progress(ExportEntry entry) {
    return count(entry.recordsWritten) + " / " + (entry.recordsExpected == null ? "?" : count(entry.recordsExpected));
  }

  private static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.US, "%.1f %s", value, units[unit]);
  }
}
