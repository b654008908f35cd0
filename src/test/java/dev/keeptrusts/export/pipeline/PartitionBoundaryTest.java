package dev.keeptrusts.export.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordType;
import dev.keeptrusts.export.source.GatewaySchema;
import dev.keeptrusts.export.source.JdbcSource;
import dev.keeptrusts.export.source.SelectQuery;
import dev.keeptrusts.export.source.SlicePlanner;
import dev.keeptrusts.export.source.SourceProbe;
import dev.keeptrusts.export.source.SourceStats;
import dev.keeptrusts.export.source.TimeSlice;
import dev.keeptrusts.export.testing.ExportFiles;
import dev.keeptrusts.export.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows exactly on, and 1 µs either side of, every read-partition boundary are exported once. */
class PartitionBoundaryTest {
  @TempDir Path out;

  @Test
  void rowsOnSliceBoundariesAreReadExactlyOnce() throws Exception {
    String url = TestDatabase.createDatabase("partition_bounds");
    JdbcSource source = new JdbcSource(url, "postgres", "");
    ExportOptions options = PipelineOptionsFactory.create().as(ExportOptions.class);
    options.setRunner(DirectRunner.class);
    options.setFrom("2025-01-01");
    options.setTo("2025-01-31");
    options.setFormat("jsonl");
    options.setRowsPerPartition(3);
    options.setOutput(out.resolve("bounds").toString());
    ExportRequest request = ExportRequest.fromOptions(options, out, Instant.now()).withSource(source);

    // 2 anchors + 3 rows at each of the 7 inner boundaries of 8 slices: 23 rows, 3 per slice.
    long min = request.window().fromMicros() + 1;
    long max = request.window().toMicros() - 1;
    List<TimeSlice> slices = SlicePlanner.plan(request.window(), new SourceStats(23, min, max), 3);
    assertEquals(8, slices.size());
    List<Long> times = new ArrayList<>(List.of(min, max));
    for (TimeSlice slice : slices.subList(1, slices.size())) {
      times.addAll(List.of(slice.fromMicros() - 1, slice.fromMicros(), slice.fromMicros() + 1));
    }
    try (Connection c = source.connect()) {
      GatewaySchema.create(c);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO decision_events (event_id, occurred_at, gateway, outcome) VALUES (?, ?, 'gw', 'allowed')")) {
        for (int i = 0; i < times.size(); i++) {
          insert.setString(1, "b-" + i);
          insert.setObject(2, Micros.toOffsetDateTime(times.get(i)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    SourceStats stats = SourceProbe.measure(source, RecordType.EVENTS, new SelectQuery(RecordType.EVENTS, List.of()), request.window());
    assertEquals(slices, SlicePlanner.plan(request.window(), stats, 3), "the export plans the same slices");

    ExportResult result = ExportRunner.run(request, options);

    List<Map<String, String>> rows = ExportFiles.readJsonLines(java.nio.file.Path.of(result.location(), "events-00000-of-00001.jsonl"));
    List<String> ids = rows.stream().map(r -> r.get("event_id")).toList();
    assertEquals(times.size(), ids.size(), "no row lost or read twice");
    assertEquals(times.size(), new HashSet<>(ids).size());
    assertEquals(times.size(), result.records());
  }
}
