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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of an export against a real PostgreSQL, with real background processes: create,
 * status, list, download, verify, cancel, and a run killed with SIGKILL.
 */
class ExportLifecycleTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String url;
  @TempDir static Path home;
  @TempDir Path out;

  @BeforeAll
  static void startDatabase() {
    url = GatewayFixture.create("lifecycle", 3_000);
  }

  static Map<String, String> env() {
    return Map.of("KT_HOME", home.toString(), "KT_JDBC_URL", url, "KT_JDBC_USER", "postgres");
  }

  static KtRun kt(String... args) {
    return KtRun.run(env(), args);
  }

  @Test
  void createStatusListDownloadAndVerify() throws Exception {
    KtRun created = kt("export", "create", "--from", FROM, "--to", TO, "--format", "csv", "--shards", "2", "--name", "Q1 review");
    assertEquals(0, created.exitCode(), created::toString);
    String id = created.field("Export ID");
    assertEquals("processing", created.field("Status"));
    assertTrue(created.out().contains("Track progress: kt export status " + id), created.out());
    assertTrue(created.out().contains("Download: kt export download " + id), created.out());
    long expected = Long.parseLong(TestDatabase.column(url,
        "SELECT COUNT(*) FROM decision_events WHERE occurred_at >= ?::timestamptz AND occurred_at < ?::timestamptz", FROM, TO).get(0));
    assertEquals(String.format("%,d", expected), created.field("Events"));

    KtRun running = kt("export", "status", id);
    assertEquals(0, running.exitCode(), running::toString);
    assertEquals("processing", running.field("Status"), "a background JVM takes seconds to start: " + running);

    JsonNode done = KtRun.awaitFinal(env(), id, TIMEOUT);
    assertEquals("completed", done.get("status").asText(), done::toString);
    assertEquals(expected, done.get("records_written").asLong());
    assertEquals(expected, done.get("records_expected").asLong());

    KtRun status = kt("export", "status", id);
    assertEquals("completed", status.field("Status"));
    assertEquals(String.format("%,d / %,d events", expected, expected), status.field("Progress"));
    assertTrue(status.field("Size").matches("[0-9.]+ (KB|MB)"), status.field("Size"));
    assertTrue(status.field("Completed").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), status.toString());

    KtRun list = kt("export", "list", "--status", "completed", "--format", "json");
    assertEquals(0, list.exitCode(), list::toString);
    assertTrue(list.json().findValuesAsText("id").contains(id), list.out());
    KtRun table = kt("export", "list");
    assertTrue(table.out().lines().anyMatch(l -> l.startsWith(id) && l.contains("completed")), table.out());

    KtRun download = kt("export", "download", id, "--output", out.toString(), "--verify");
    assertEquals(0, download.exitCode(), download::toString);
    Path folder = out.resolve("Q1-review");
    assertEquals(0, sha256sumCheck(folder), "sha256sum -c SHA256SUMS accepts the download");

    // The manifest, read back independently: files, counts per file and per outcome, totals.
    JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
    assertEquals(id, manifest.get("export_id").asText());
    assertEquals("Q1 review", manifest.get("name").asText());
    assertEquals("direct", manifest.get("runner").asText());
    assertEquals(FROM, manifest.get("window").get("from").asText());
    assertFalse(manifest.get("source").get("jdbc_url").asText().isEmpty());
    assertTrue(manifest.get("source").get("select_sql").asText().startsWith("SELECT event_id"));
    assertEquals(8, manifest.get("schema").size());
    long total = 0;
    Map<String, Long> byOutcome = new HashMap<>();
    for (JsonNode file : manifest.get("files")) {
      Path shard = folder.resolve(file.get("path").asText());
      List<Map<String, String>> rows = ExportFiles.readCsv(shard);
      assertEquals(rows.size(), file.get("records").asLong(), shard.toString());
      assertEquals(Files.size(shard), file.get("bytes").asLong());
      rows.forEach(r -> byOutcome.merge(r.get("outcome"), 1L, Long::sum));
      total += rows.size();
    }
    assertEquals(2, manifest.get("files").size());
    assertEquals(expected, total);
    assertEquals(expected, manifest.get("totals").get("records").asLong());
    Map<String, Long> manifestByOutcome = new HashMap<>();
    manifest.get("counts").get("by_outcome").fields().forEachRemaining(e -> manifestByOutcome.put(e.getKey(), e.getValue().asLong()));
    assertEquals(byOutcome, manifestByOutcome);
    assertTrue(manifest.get("counts").has("by_policy") && manifest.get("counts").has("by_gateway"));

    KtRun verify = kt("export", "verify", folder.toString());
    assertEquals(0, verify.exitCode(), verify::toString);
  }

  @Test
  void aChangedAMissingAndAnAddedFileAreEachNamed() throws Exception {
    KtRun created = kt("export", "create", "--wait", "--from", FROM, "--to", TO, "--format", "jsonl", "--shards", "3",
        "--output", out.resolve("export").toString(), "--", "--rowsPerPartition=100");
    assertEquals(0, created.exitCode(), created::toString);
    String id = created.field("Export ID");
    assertEquals("completed", created.field("Status"));

    Path changed = download(id, "changed");
    Path shard = changed.resolve("events-00001-of-00003.jsonl");
    byte[] bytes = Files.readAllBytes(shard);
    bytes[bytes.length / 2] = (byte) (bytes[bytes.length / 2] == 'a' ? 'b' : 'a');
    Files.write(shard, bytes);
    assertNamed(kt("export", "verify", changed.toString()), "CHANGED", "events-00001-of-00003.jsonl");
    assertNotEquals(0, sha256sumCheck(changed), "sha256sum agrees");

    Path missing = download(id, "missing");
    Files.delete(missing.resolve("events-00002-of-00003.jsonl"));
    assertNamed(kt("export", "verify", missing.toString()), "MISSING", "events-00002-of-00003.jsonl");

    Path added = download(id, "added");
    Files.writeString(added.resolve("notes.txt"), "added later");
    assertNamed(kt("export", "verify", added.resolve("manifest.json").toString()), "UNEXPECTED", "notes.txt");

    // The same, found by download --verify in the export's own folder.
    Files.writeString(out.resolve("export/extra.csv"), "x");
    KtRun download = kt("export", "download", id, "--output", out.resolve("again").toString(), "--verify");
    assertNamed(download, "UNEXPECTED", "extra.csv");
  }

  @Test
  void aKilledRunIsShownFailed() throws Exception {
    String id = createInBackground();
    try (Connection lock = lockEvents()) {
      long pid = awaitRunningPid(id);
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      KtRun status = kt("export", "status", id);
      assertEquals("failed", status.field("Status"), status::toString);
      assertTrue(status.field("Error").contains("ended before the export finished"), status.toString());

      KtRun download = kt("export", "download", id, "--output", out.toString());
      assertOneLine(download, "export " + id + " failed, so it has no files to download");
    }
  }

  @Test
  void cancelStopsTheRunAndPublishesNothing() throws Exception {
    String id = createInBackground();
    try (Connection lock = lockEvents()) {
      awaitRunningPid(id);
      KtRun download = kt("export", "download", id, "--output", out.toString());
      assertOneLine(download, "export " + id + " is still processing");

      KtRun cancel = kt("export", "cancel", id);
      assertEquals(0, cancel.exitCode(), cancel::toString);
      assertTrue(cancel.out().contains("cancelled"), cancel.out());
    }
    KtRun status = kt("export", "status", id);
    assertEquals("cancelled", status.field("Status"), status::toString);
    Path destination = home.resolve("exports").resolve(id);
    if (Files.exists(destination)) {
      try (Stream<Path> files = Files.walk(destination)) {
        assertEquals(List.of(destination), files.toList(), "nothing published, no staging left");
      }
    }
    assertOneLine(kt("export", "cancel", id), "export " + id + " is already cancelled");
  }

  @Test
  void twoConcurrentCreatesBothComplete() throws Exception {
    KtRun first = kt("export", "create", "--from", FROM, "--to", TO, "--format", "parquet");
    KtRun second = kt("export", "create", "--from", FROM, "--to", TO, "--format", "json", "--filter", "outcome=blocked");
    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(0, second.exitCode(), second::toString);
    String a = first.field("Export ID");
    String b = second.field("Export ID");
    assertNotEquals(a, b);
    JsonNode doneA = KtRun.awaitFinal(env(), a, TIMEOUT);
    JsonNode doneB = KtRun.awaitFinal(env(), b, TIMEOUT);
    assertEquals("completed", doneA.get("status").asText(), doneA::toString);
    assertEquals("completed", doneB.get("status").asText(), doneB::toString);
    List<Map<String, String>> parquet = ExportFiles.readParquet(Path.of(doneA.get("destination").asText(), "events-00000-of-00001.parquet"));
    List<Map<String, String>> blocked = ExportFiles.readJson(Path.of(doneB.get("destination").asText(), "events-00000-of-00001.json"), "events");
    assertEquals(doneA.get("records_written").asLong(), parquet.size());
    assertEquals(doneB.get("records_written").asLong(), blocked.size());
    assertTrue(blocked.stream().allMatch(r -> r.get("outcome").equals("blocked")));
    assertEquals(0, kt("export", "verify", doneA.get("destination").asText()).exitCode());
    assertEquals(0, kt("export", "verify", doneB.get("destination").asText()).exitCode());
  }

  @Test
  void unknownIdsAndBadFlagsGetOneLine() throws IOException {
    for (String command : List.of("status", "download", "cancel")) {
      assertOneLine(kt("export", command, "exp-00000000"), "no export exp-00000000 in the catalog: see `kt export list`");
      assertOneLine(kt("export", command, "nope"), "'nope' is not an export id");
    }
    assertOneLine(kt("export", "list", "--status", "finished"), "use one of queued, processing, completed, failed, cancelled");
    assertOneLine(kt("export", "list", "--limit", "0"), "invalid --limit 0");
    Files.writeString(out.resolve("data.csv"), "a,b\n");
    assertOneLine(kt("export", "verify", out.toString()), "no manifest.json in " + out);
  }

  @Test
  void aCorruptOrNewerCatalogEntryIsReportedNeverReset(@TempDir Path otherHome) throws IOException {
    Map<String, String> env = Map.of("KT_HOME", otherHome.toString());
    Path catalog = Files.createDirectories(otherHome.resolve("catalog"));
    Path corrupt = catalog.resolve("exp-0000000a.json");
    Files.writeString(corrupt, "{\"format_version\": 1, \"id\": \"exp-0000000a\", \"status\": ");
    assertOneLine(KtRun.run(env, "export", "list"), "catalog entry " + corrupt + " is corrupt");
    assertOneLine(KtRun.run(env, "export", "status", "exp-0000000a"), "is corrupt");
    assertEquals("{\"format_version\": 1, \"id\": \"exp-0000000a\", \"status\": ", Files.readString(corrupt), "left as it was");

    Files.delete(corrupt);
    Path newer = catalog.resolve("exp-0000000b.json");
    Files.writeString(newer, "{\"format_version\": 7, \"id\": \"exp-0000000b\", \"status\": \"completed\"}");
    assertOneLine(KtRun.run(env, "export", "status", "exp-0000000b"), "written by a newer kt (format 7");
    assertTrue(Files.exists(newer));
  }

  // --- helpers

  private String createInBackground() {
    KtRun created = kt("export", "create", "--from", FROM, "--to", TO, "--format", "csv");
    assertEquals(0, created.exitCode(), created::toString);
    return created.field("Export ID");
  }

  /**
   * Holds an exclusive lock on decision_events, so a background run blocks on its first query.
   * Taken right after create returns: the run's JVM needs seconds to start before it queries.
   */
  private static Connection lockEvents() throws Exception {
    Connection connection = TestDatabase.connect(url);
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("LOCK TABLE decision_events IN ACCESS EXCLUSIVE MODE");
    }
    return connection;
  }

  /** Waits until the background process has recorded itself as running the export. */
  private static long awaitRunningPid(String id) throws Exception {
    Path entry = home.resolve("catalog").resolve(id + ".json");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode node = JSON.readTree(entry.toFile());
      if (node.hasNonNull("started_at") && node.path("run").has("pid")
          && ProcessHandle.of(node.path("run").path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false)
          && node.path("run").path("pid").asLong() != ProcessHandle.current().pid()) {
        // started_at is written by the run itself, once it has recorded its own pid
        if (!node.path("status").asText().equals("queued")) {
          Thread.sleep(500); // let it reach its first query
          return node.path("run").path("pid").asLong();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("export " + id + " never started");
  }

  private Path download(String id, String into) {
    KtRun download = kt("export", "download", id, "--output", out.resolve(into).toString());
    assertEquals(0, download.exitCode(), download::toString);
    try (Stream<Path> folders = Files.list(out.resolve(into))) {
      return folders.findFirst().orElseThrow();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int sha256sumCheck(Path folder) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    System.out.println(output);
    return code;
  }

  private static void assertNamed(KtRun run, String kind, String file) {
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith(kind) && l.contains(file)), kind + " " + file + " in:\n" + run);
    String err = run.err().strip();
    assertFalse(err.contains("\n"), err);
    assertTrue(err.startsWith("kt: verification of "), err);
  }

  private static void assertOneLine(KtRun run, String fragment) {
    assertNotEquals(0, run.exitCode(), run::toString);
    String err = run.err().strip();
    assertFalse(err.contains("\n"), "one line only:\n" + err);
    assertTrue(err.startsWith("kt: ") && err.contains(fragment), "'" + fragment + "' in: " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
  }
}
