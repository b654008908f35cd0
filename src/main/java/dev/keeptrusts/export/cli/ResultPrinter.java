package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.pipeline.ExportRequest;
import dev.keeptrusts.export.pipeline.ExportResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints results in the shape the documentation shows. */
final class ResultPrinter {
  private ResultPrinter() {}

  static void printCreated(PrintWriter out, ExportResult result) {
    ExportRequest request = result.request();
    String entity = request.type().plural();
    out.println("Export created successfully");
    out.println("─────────────────────────");
    out.println("Export ID: " + request.id());
    out.println("Name: " + request.name());
    out.println("Format: " + request.format().displayName());
    out.println("Time range: " + request.window().from() + " — " + request.window().to());
    out.println(Character.toUpperCase(entity.charAt(0)) + entity.substring(1) + ": " + String.format(Locale.US, "%,d", result.records()));
    out.println("Size: " + humanSize(result.bytes()));
    out.println("Status: completed");
    out.println("Output: " + request.destination().path());
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
