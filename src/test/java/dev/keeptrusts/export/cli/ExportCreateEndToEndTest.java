package dev.keeptrusts.export.cli;

import static dev.keeptrusts.export.testing.GatewayFixture.FORMULA;
import static dev.keeptrusts.export.testing.GatewayFixture.FROM;
import static dev.keeptrusts.export.testing.GatewayFixture.INJECTION;
import static dev.keeptrusts.export.testing.GatewayFixture.SPECIAL_REASON;
import static dev.keeptrusts.export.testing.GatewayFixture.SPECIAL_USER;
import static dev.keeptrusts.export.testing.GatewayFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keeptrusts.export.testing.ExportFiles;
import dev.keeptrusts.export.testing.GatewayFixture;
import dev.keeptrusts.export.testing.KtRun;
import dev.keeptrusts.export.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kt export create} against a real PostgreSQL: every format and type, the window's edges,
 * awkward values, and the exported records compared with what SQL says the window holds.
 */
class ExportCreateEndToEndTest {
  private static String url;
  @TempDir static Path home;
  @TempDir Path out;

  @BeforeAll
  static void startDatabase() {
    url = GatewayFixture.create("export_e2e", 3_000);
  }

  static Map<String, String> env() {
    return Map.of("KT_HOME", home.toString(), "KT_JDBC_URL", url, "KT_JDBC_USER", "postgres");
  }

  /** Runs kt; a create waits for its export to finish, so the files can be read when it returns. */
  static KtRun kt(String... args) {
    return KtRun.run(env(), KtRun.waiting(args));
  }

  /** The ids SQL finds for the fixture window and an optional extra predicate. */
  static Set<String> sqlIds(String type, String predicate) {
    boolean events = type.equals("events");
    String sql =
        events
            ? "SELECT event_id FROM decision_events WHERE occurred_at >= ?::timestamptz AND occurred_at < ?::timestamptz"
            : "SELECT escalation_id FROM escalations WHERE created_at >= ?::timestamptz AND created_at < ?::timestamptz";
    return new HashSet<>(TestDatabase.column(url, sql + (predicate.isEmpty() ? "" : " AND " + predicate), FROM, TO));
  }

  static List<Map<String, String>> readAll(Path dir, String format, String arrayKey) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(ExportFiles::isShard).sorted().toList()) {
        rows.addAll(read(file, format, arrayKey));
      }
    }
    return rows;
  }

  static List<Map<String, String>> read(Path file, String format, String arrayKey) throws IOException {
    return switch (format) {
      case "json" -> ExportFiles.readJson(file, arrayKey);
      case "jsonl" -> ExportFiles.readJsonLines(file);
      case "csv" -> ExportFiles.readCsv(file);
      default -> ExportFiles.readParquet(file);
    };
  }

  static Map<String, Map<String, String>> byId(List<Map<String, String>> rows, String idField) {
    return rows.stream().collect(Collectors.toMap(r -> r.get(idField), r -> r));
  }

  /** Small read partitions give many part files, so every shard is assembled from several. */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({"events,json", "events,jsonl", "events,csv", "events,parquet",
    "escalations,json", "escalations,jsonl", "escalations,csv", "escalations,parquet"})
  void exportsEveryRecordOfTheWindowExactlyOnce(String type, String format) throws IOException {
    Path dir = out.resolve("shards");
    KtRun run = kt("export", "create", "--type", type, "--format", format, "--from", FROM, "--to", TO,
        "--shards", "3", "--output", dir.toString(), "--name", "e2e", "--", "--rowsPerPartition=40");
    assertEquals(0, run.exitCode(), run::toString);

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          Set.of(type + "-00000-of-00003." + format, type + "-00001-of-00003." + format, type + "-00002-of-00003." + format,
              "manifest.json", "SHA256SUMS"),
          files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
          "exactly the three shards and the manifest, no staging or temporary files");
    }
    List<Map<String, String>> rows = readAll(dir, format, type);
    String idField = type.equals("events") ? "event_id" : "escalation_id";
    List<String> ids = rows.stream().map(r -> r.get(idField)).toList();
    Set<String> expected = sqlIds(type, "");
    assertEquals(expected.size(), ids.size(), "no record lost or duplicated");
    assertEquals(expected, new HashSet<>(ids));
    assertEquals(String.format("%,d", expected.size()), run.field(type.equals("events") ? "Events" : "Escalations"));
    assertEquals("e2e", run.field("Name"));
    assertEquals(FROM + " — " + TO, run.field("Time range"));
    assertTrue(run.field("Export ID").matches("exp-[0-9a-f]{8}"));

    Map<String, Map<String, String>> records = byId(rows, idField);
    if (type.equals("events")) {
      assertEquals(List.of("event_id", "timestamp", "gateway", "outcome", "triggered_policy", "user", "provider", "latency_ms"),
          new ArrayList<>(rows.get(0).keySet()));
      assertTrue(records.containsKey("fx-at-from") && records.containsKey("fx-after-from") && records.containsKey("fx-before-to"));
      assertFalse(records.containsKey("fx-before-from") || records.containsKey("fx-at-to") || records.containsKey("fx-after-to"));
      assertEquals("2025-01-01T00:00:00.000001Z", records.get("fx-after-from").get("timestamp"));
      assertEquals("2025-01-31T23:59:59.999999Z", records.get("fx-before-to").get("timestamp"));

      Map<String, String> special = records.get("fx-special");
      assertEquals("2025-01-15T09:23:41.123456Z", special.get("timestamp"));
      assertEquals(SPECIAL_USER, special.get("user"));
      assertEquals(format.equals("csv") ? "'" + FORMULA : FORMULA, special.get("provider"));
      assertEquals("8", special.get("latency_ms"));

      Map<String, String> nulls = records.get("fx-nulls");
      assertNull(nulls.get("triggered_policy"));
      assertNull(nulls.get("user"));
      assertNull(nulls.get("provider"));
      assertNull(nulls.get("latency_ms"));
      assertEquals("2025-01-16T00:00:00.500Z", nulls.get("timestamp"));

      Map<String, String> empty = records.get("fx-empty");
      assertEquals("", empty.get("user"), "an empty string stays distinct from NULL");
      assertEquals(format.equals("csv") ? "'-5" : "-5", empty.get("provider"));
      assertEquals("0", empty.get("latency_ms"));
      assertEquals(INJECTION, records.get("fx-injection").get("gateway"));
    } else {
      assertTrue(records.containsKey("fx-esc-at-from") && records.containsKey("fx-esc-before-to"));
      assertFalse(records.containsKey("fx-esc-before-from") || records.containsKey("fx-esc-at-to"));
      Map<String, String> special = records.get("fx-esc-special");
      assertEquals("2025-01-15T09:23:42.654321Z", special.get("created_at"));
      assertEquals(SPECIAL_REASON, special.get("reason"));
      assertNull(special.get("severity"));
      assertNull(special.get("resolved_at"));
      assertEquals(format.equals("csv") ? "'" + FORMULA : FORMULA, special.get("resolution_note"));
      assertEquals("2025-01-02T00:00:00Z", records.get("fx-esc-at-from").get("resolved_at"));
    }
  }

  @Test
  void jsonHasTheDocumentedEnvelope() throws IOException {
    Path file = out.resolve("blocked-events.json");
    KtRun run = kt("export", "create", "--from", FROM, "--to", TO, "--format", "json", "--filter", "outcome=blocked",
        "--output", file.toString());
    assertEquals(0, run.exitCode(), run::toString);
    JsonNode root = ExportFiles.readJsonTree(file);
    assertEquals(List.of("export_id", "created_at", "time_range", "events"), iterable(root.fieldNames()));
    assertEquals(run.field("Export ID"), root.get("export_id").asText());
    assertEquals(FROM, root.get("time_range").get("from").asText());
    assertEquals(TO, root.get("time_range").get("to").asText());
    assertTrue(root.get("created_at").asText().endsWith("Z"));
    assertEquals(sqlIds("events", "outcome = 'blocked'").size(), root.get("events").size());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(file), files.toList(), "exactly the named file, nothing beside it");
    }
  }

  @Test
  void singleFileOutputAsAuditPrepUsesIt() throws IOException {
    Path file = out.resolve("pkg").resolve("escalations.csv");
    Files.createDirectories(file.getParent());
    KtRun run = kt("export", "create", "--since", "10000d", "--format", "csv", "--type", "escalations", "--output", file.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("escalation_id", "event_id", "created_at", "gateway", "policy", "severity", "status", "reason",
        "reviewer", "resolved_at", "resolution_note"), ExportFiles.csvHeader(file));
    long total = Long.parseLong(TestDatabase.column(url, "SELECT COUNT(*) FROM escalations WHERE created_at < now()").get(0));
    assertEquals(total, ExportFiles.readCsv(file).size());
  }

  @ParameterizedTest(name = "--filter {1} on {0}")
  @CsvSource(delimiter = '|', value = {
    "events|outcome=blocked,escalated|outcome IN ('blocked','escalated')",
    "events|policy=pii-redaction,hipaa-guard|triggered_policy IN ('pii-redaction','hipaa-guard')",
    "events|gateway=gw-high-risk|gateway = 'gw-high-risk'",
    "events|user=alice|user_name = 'alice'",
    "events|provider=openai/gpt-4o|provider = 'openai/gpt-4o'",
    "escalations|status=pending|status = 'pending'",
    "escalations|severity=critical,high|severity IN ('critical','high')",
    "escalations|policy=prompt-injection-guard|policy = 'prompt-injection-guard'",
    "escalations|gateway=gw-prod-01|gateway = 'gw-prod-01'"})
  void eachFilterKeepsExactlyTheMatchingRecords(String type, String filter, String predicate) throws IOException {
    Path dir = out.resolve("filtered");
    KtRun run = kt("export", "create", "--type", type, "--format", "jsonl", "--from", FROM, "--to", TO,
        "--filter", filter, "--output", dir.toString());
    assertEquals(0, run.exitCode(), run::toString);
    String idField = type.equals("events") ? "event_id" : "escalation_id";
    List<String> ids = readAll(dir, "jsonl", type).stream().map(r -> r.get(idField)).toList();
    Set<String> expected = sqlIds(type, predicate);
    assertFalse(expected.isEmpty(), "the fixture has rows for " + filter);
    assertEquals(expected.size(), ids.size());
    assertEquals(expected, new HashSet<>(ids));
  }

  @Test
  void filtersCombineWithAnd() throws IOException {
    Path dir = out.resolve("combined");
    KtRun run = kt("export", "create", "--format", "parquet", "--from", FROM, "--to", TO,
        "--filter", "outcome=blocked,escalated", "--filter", "gateway=gw-prod-01,gw-high-risk",
        "--filter", "policy=prompt-injection-guard", "--output", dir.toString());
    assertEquals(0, run.exitCode(), run::toString);
    List<String> ids = readAll(dir, "parquet", "events").stream().map(r -> r.get("event_id")).toList();
    Set<String> expected = sqlIds("events",
        "outcome IN ('blocked','escalated') AND gateway IN ('gw-prod-01','gw-high-risk') AND triggered_policy = 'prompt-injection-guard'");
    assertTrue(expected.contains("fx-special"));
    assertEquals(expected.size(), ids.size());
    assertEquals(expected, new HashSet<>(ids));
  }

  @Test
  void repeatedFiltersWithNothingInCommonExportNothing() throws IOException {
    Path file = out.resolve("none.csv");
    KtRun run = kt("export", "create", "--format", "csv", "--from", FROM, "--to", TO,
        "--filter", "outcome=blocked", "--filter", "outcome=allowed", "--output", file.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("0", run.field("Events"));
    assertEquals(List.of(), ExportFiles.readCsv(file));
  }

  @Test
  void aDirectoryWithAnEarlierExportIsRefused() throws IOException {
    Path dir = out.resolve("reused");
    assertEquals(0, kt("export", "create", "--format", "csv", "--from", FROM, "--to", TO, "--output", dir.toString()).exitCode());
    byte[] before = Files.readAllBytes(dir.resolve("events-00000-of-00001.csv"));
    KtRun again = kt("export", "create", "--format", "csv", "--from", FROM, "--to", TO, "--shards", "2", "--output", dir.toString());
    assertEquals(2, again.exitCode(), again::toString);
    assertTrue(again.err().contains("already holds an export (it has a manifest.json)"), again.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          Set.of(dir.resolve("events-00000-of-00001.csv"), dir.resolve("manifest.json"), dir.resolve("SHA256SUMS")),
          files.collect(Collectors.toSet()));
    }
    // Shards left without their manifest are refused too.
    Files.delete(dir.resolve("manifest.json"));
    KtRun third = kt("export", "create", "--format", "csv", "--from", FROM, "--to", TO, "--output", dir.toString());
    assertEquals(2, third.exitCode(), third::toString);
    assertTrue(third.err().contains("already holds events shards of an earlier export"), third.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("events-00000-of-00001.csv"))));
  }

  @Test
  void sqlInjectionInAFilterIsJustAValue() throws IOException {
    Path file = out.resolve("injection.jsonl");
    KtRun run = kt("export", "create", "--format", "jsonl", "--from", FROM, "--to", TO,
        "--filter", "gateway=" + INJECTION, "--output", file.toString());
    assertEquals(0, run.exitCode(), run::toString);
    List<Map<String, String>> rows = ExportFiles.readJsonLines(file);
    assertEquals(List.of("fx-injection"), rows.stream().map(r -> r.get("event_id")).toList());
    assertFalse(TestDatabase.column(url, "SELECT COUNT(*) FROM decision_events").isEmpty(), "the table is still there");
  }

  @Test
  void csvRawKeepsFormulasVerbatim() throws IOException {
    Path file = out.resolve("raw.csv");
    KtRun run = kt("export", "create", "--format", "csv", "--csv-raw", "--from", FROM, "--to", TO,
        "--filter", "gateway=gw-prod-01", "--filter", "outcome=blocked", "--output", file.toString());
    assertEquals(0, run.exitCode(), run::toString);
    Map<String, String> special = byId(ExportFiles.readCsv(file), "event_id").get("fx-special");
    assertEquals(FORMULA, special.get("provider"));
  }

  @ParameterizedTest(name = "empty {0} export is still a valid file")
  @CsvSource({"json", "jsonl", "csv", "parquet"})
  void anEmptyWindowWritesAValidEmptyFile(String format) throws IOException {
    Path file = out.resolve("empty." + format);
    KtRun run = kt("export", "create", "--format", format, "--from", "2020-01-01", "--to", "2020-01-31", "--output", file.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("0", run.field("Events"));
    assertTrue(Files.exists(file));
    assertEquals(List.of(), read(file, format, "events"));
    switch (format) {
      case "json" -> assertEquals(0, ExportFiles.readJsonTree(file).get("events").size());
      case "csv" -> assertEquals(8, ExportFiles.csvHeader(file).size());
      case "parquet" -> assertTrue(Files.size(file) > 0);
      default -> assertEquals(0, Files.size(file));
    }
  }

  @ParameterizedTest(name = "parquet with {0}")
  @CsvSource({"snappy", "zstd", "gzip", "none"})
  void parquetHasTypedColumnsWithEveryCompression(String compression) throws IOException {
    Path file = out.resolve("typed.parquet");
    KtRun run = kt("export", "create", "--format", "parquet", "--compression", compression, "--from", FROM, "--to", TO,
        "--filter", "gateway=gw-high-risk", "--output", file.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(compression.equals("none") ? "UNCOMPRESSED" : compression.toUpperCase(), ExportFiles.parquetCodec(file));
    Schema schema = ExportFiles.parquetSchema(file);
    assertEquals(LogicalTypes.timestampMicros(), schema.getField("timestamp").schema().getLogicalType());
    Schema latency = schema.getField("latency_ms").schema().getTypes().get(1);
    assertEquals(Schema.Type.INT, latency.getType());
    assertEquals(sqlIds("events", "gateway = 'gw-high-risk'").size(), ExportFiles.readParquet(file).size());
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
