package dev.keeptrusts.export.cli;

import static dev.keeptrusts.export.testing.GatewayFixture.FROM;
import static dev.keeptrusts.export.testing.GatewayFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keeptrusts.export.testing.ExportFiles;
import dev.keeptrusts.export.testing.GatewayFixture;
import dev.keeptrusts.export.testing.KtRun;
import dev.keeptrusts.export.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same export on the DirectRunner, Flink's embedded cluster (parallelism 2) and Spark
 * local[2] gives the same records and the same manifest totals and counts. The fixture has rows
 * on the window's edges, NULLs, Unicode and multi-line values, and small read partitions put
 * slice boundaries all through the window.
 */
class RunnerEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RUNNERS = List.of("direct", "flink", "spark");
  private static String url;
  @TempDir static Path home;
  @TempDir Path out;

  @BeforeAll
  static void startDatabase() {
    url = GatewayFixture.create("runners", 3_000);
  }

  static KtRun kt(String... args) {
    return KtRun.run(Map.of("KT_HOME", home.toString(), "KT_JDBC_URL", url, "KT_JDBC_USER", "postgres"), args);
  }

  @Test
  void directFlinkAndSparkExportTheSameEvents() throws IOException {
    assertSameOnEveryRunner("events", "jsonl", "event_id");
  }

  @Test
  void directFlinkAndSparkExportTheSameEscalationsAsParquet() throws IOException {
    assertSameOnEveryRunner("escalations", "parquet", "escalation_id");
  }

  private void assertSameOnEveryRunner(String type, String format, String idField) throws IOException {
    List<List<Map<String, String>>> records = new ArrayList<>();
    List<JsonNode> manifests = new ArrayList<>();
    for (String runner : RUNNERS) {
      Path dir = out.resolve(runner);
      KtRun run = kt("export", "create", "--wait", "--runner", runner, "--type", type, "--format", format,
          "--from", FROM, "--to", TO, "--shards", "2", "--output", dir.toString(), "--", "--rowsPerPartition=200");
      assertEquals(0, run.exitCode(), run::toString);
      List<Map<String, String>> rows = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(ExportFiles::isShard).sorted().toList()) {
          rows.addAll(format.equals("jsonl") ? ExportFiles.readJsonLines(file) : ExportFiles.readParquet(file));
        }
      }
      rows.sort(Comparator.comparing(r -> r.get(idField)));
      records.add(rows);
      JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
      assertEquals(runner, manifest.get("runner").asText());
      manifests.add(manifest);
    }
    String table = type.equals("events") ? "decision_events" : "escalations";
    String time = type.equals("events") ? "occurred_at" : "created_at";
    long expected = Long.parseLong(TestDatabase.column(url,
        "SELECT COUNT(*) FROM " + table + " WHERE " + time + " >= ?::timestamptz AND " + time + " < ?::timestamptz", FROM, TO).get(0));
    assertEquals(expected, records.get(0).size());
    for (int i = 1; i < RUNNERS.size(); i++) {
      assertEquals(records.get(0), records.get(i), RUNNERS.get(i) + " exports the same records as direct");
      assertEquals(manifests.get(0).get("totals").get("records"), manifests.get(i).get("totals").get("records"));
      assertEquals(manifests.get(0).get("counts"), manifests.get(i).get("counts"), RUNNERS.get(i) + " counts the same");
    }
  }

  @Test
  void badRunnerInputGetsOneLine() throws IOException {
    assertOneLine(kt("export", "create", "--since", "1d", "--runner", "dataflow"),
        "runner 'dataflow' is not available in this build: use direct, flink or spark");
    assertOneLine(kt("export", "create", "--since", "1d", "--runner-config", out.resolve("missing.options").toString()), "does not exist");
    Path unknown = Files.writeString(out.resolve("bad.options"), "# a comment\n--runner=FlinkRunner\n--parallelismm=2\n");
    assertOneLine(kt("export", "create", "--since", "1d", "--runner-config", unknown.toString()), "line 3: unknown or invalid option 'parallelismm'");
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    for (String config : List.of("--runner=FlinkRunner\n--flinkMaster=127.0.0.1:" + closed, "--runner=SparkRunner\n--sparkMaster=spark://127.0.0.1:" + closed)) {
      Path file = Files.writeString(out.resolve("cluster.options"), config + "\n");
      long start = System.nanoTime();
      assertOneLine(kt("export", "create", "--since", "1d", "--runner-config", file.toString()), "master at");
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "fails within 30 s");
    }
    assertOneLine(kt("export", "create", "--since", "1d", "--runner", "flink", "--", "--flinkMasterr=x"), "invalid Beam option after --");
  }

  private static void assertOneLine(KtRun run, String fragment) {
    assertNotEquals(0, run.exitCode(), run::toString);
    String err = run.err().strip();
    assertFalse(err.contains("\n"), "one line only:\n" + err);
    assertTrue(err.startsWith("kt: ") && err.contains(fragment), "'" + fragment + "' in: " + err);
    assertFalse(err.contains("\tat "), err);
  }
}
