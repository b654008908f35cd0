package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.manifest.Manifest;
import dev.keeptrusts.export.manifest.ToolVersion;
import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordFilter;
import dev.keeptrusts.export.source.SelectQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describes a finished export as its {@link Manifest}. */
final class ExportManifest {
  private ExportManifest() {}

  static Manifest describe(
      ExportRequest request,
      SelectQuery query,
      List<Manifest.FileEntry> files,
      Map<String, Map<String, Long>> tallies,
      Instant completedAt) {
    List<String> parameters = new ArrayList<>();
    parameters.add("the slice start (inclusive) and end (exclusive), in UTC; the slices tile the window");
    for (RecordFilter filter : request.filters()) {
      parameters.add(filter.field() + " IN " + filter.values());
    }
    List<Manifest.SchemaField> schema =
        request.type().fields().stream()
            .map(f -> new Manifest.SchemaField(f.name(), typeName(f.type()), f.nullable()))
            .toList();
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (Field field : request.type().tallyFields()) {
      String key = field.name().equals("triggered_policy") ? "policy" : field.name();
      counts.put("by_" + key, tallies.getOrDefault(field.name(), Map.of()));
    }
    return new Manifest(
        Manifest.VERSION,
        request.id(),
        request.name(),
        request.type().plural(),
        request.format().extension(),
        ToolVersion.get(),
        request.runner(),
        request.createdAt().toString(),
        completedAt.toString(),
        new Manifest.Window(Micros.format(request.window().fromMicros()), Micros.format(request.window().toMicros())),
        request.filters().stream().map(RecordFilter::asFlag).toList(),
        new Manifest.Source(request.source().maskedUrl(), request.type().table(), query.selectSql(), query.statsSql(), parameters),
        schema,
        files,
        new Manifest.Totals(
            files.size(),
            files.stream().mapToLong(Manifest.FileEntry::records).sum(),
            files.stream().mapToLong(Manifest.FileEntry::bytes).sum()),
        counts);
  }

  private static String typeName(Field.Type type) {
    return switch (type) {
      case STRING -> "string";
      case INTEGER -> "int32";
      case TIMESTAMP -> "timestamp (UTC, microseconds)";
    };
  }
}
