package dev.keeptrusts.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keeptrusts.export.testing.KtRun;
import dev.keeptrusts.export.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad input gets one line that says what to fix, a non-zero exit, no stack trace, and no
 * file at the destination.
 */
class BadInputTest {
  private static String url;
  @TempDir static Path home;
  @TempDir Path out;

  @BeforeAll
  static void database() {
    url = dev.keeptrusts.export.testing.GatewayFixture.create("bad_input", 200);
  }

  private KtRun create(String url, String... flags) {
    List<String> args = new ArrayList<>(List.of("export", "create", "--wait", "--output", out.resolve("export").toString()));
    args.addAll(List.of(flags));
    Map<String, String> env = new HashMap<>(Map.of("KT_HOME", home.toString(), "KT_JDBC_USER", "postgres"));
    env.put("KT_JDBC_URL", url);
    return KtRun.run(env, args.toArray(String[]::new));
  }

  private void assertOneLineError(KtRun run, String expectedFragment) throws IOException {
    assertNotEquals(0, run.exitCode(), run::toString);
    String err = run.err().strip();
    assertFalse(err.contains("\n"), "one line only:\n" + err);
    assertTrue(err.startsWith("kt: "), err);
    assertTrue(err.contains(expectedFragment), "'" + expectedFragment + "' in: " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    assertEquals("", run.out());
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(out), files.toList(), "nothing written");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--since 30x|invalid --since '30x'",
    "--since -5d|--since",
    "--since 0d|greater than zero",
    "--since 99999999999w|use a shorter duration",
    "--from 2025-03-01 --to 2025-01-31|swap them",
    "--from yesterday|invalid --from 'yesterday'",
    "--format xml|unknown --format 'xml': use one of json, jsonl, csv, parquet",
    "--filter outcome|use key=value",
    "--filter colour=red|valid keys are outcome, policy, gateway, user, provider",
    "--filter outcome=maybe|valid values are allowed, blocked, escalated, flagged, redacted",
    "--type escalations --filter outcome=blocked|valid keys are status, severity, policy, gateway",
    "--type audits|use events or escalations",
    "--shards -1|invalid --shards -1",
    "--shards many|--shards",
    "--compression lz4|use snappy, zstd, gzip or none",
    "--colour red|Unknown option",
    "--since 1d -- --rowsPerPartitions=5|invalid Beam option after --",
    "--since 1d -- --awsCredentialsProvider={}|AWS credentials come from the AWS default chain",
    "--since 1d -- --jdbcUrl=jdbc:postgresql://x/y|the database from --jdbc-url",
    "--since 1d --s3-bucket audit-bucket|--output and --s3-bucket/--s3-upload both say where the export goes",
  })
  void badFlagsAreExplainedInOneLine(String flags, String expected) throws IOException {
    KtRun run = create(url, flags.split(" "));
    assertOneLineError(run, expected);
    assertEquals(2, run.exitCode());
  }

  @Test
  void anOutputThatCannotBeWrittenIsNamed() throws IOException {
    Path file = out.resolve("a-file");
    Files.writeString(file, "x");
    List<String> args = List.of("export", "create", "--since", "30d", "--output", file.resolve("sub").toString());
    KtRun run = KtRun.run(Map.of("KT_HOME", home.toString(), "KT_JDBC_URL", url, "KT_JDBC_USER", "postgres"), args.toArray(String[]::new));
    assertNotEquals(0, run.exitCode());
    String err = run.err().strip();
    assertFalse(err.contains("\n"), err);
    assertTrue(err.contains("cannot write to " + file.resolve("sub")) && err.contains("choose another --output"), err);
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aDatabaseThatDoesNotAnswerFailsFast() throws IOException {
    long start = System.nanoTime();
    KtRun run = create("jdbc:postgresql://127.0.0.1:9/gateway", "--since", "30d");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertOneLineError(run, "cannot connect to jdbc:postgresql://127.0.0.1:9/gateway");
    assertTrue(seconds < 10, "failed after " + seconds + " s");
  }

  @Test
  void aMissingTableIsNamedWithWhereToFindTheSchema() throws IOException {
    String empty = TestDatabase.createDatabase("no_tables");
    KtRun run = create(empty, "--since", "30d");
    assertOneLineError(run, "table decision_events does not exist");
    assertTrue(run.err().contains("kt demo schema"), run.err());
  }

  @Test
  void anExportThatFailsWhileRunningLeavesNothingBehind() throws IOException {
    // latency_ms holds text here, so reading the second slice fails after the first was written.
    String broken = TestDatabase.createDatabase("broken_rows");
    TestDatabase.execute(broken, "CREATE TABLE decision_events (event_id TEXT, occurred_at TIMESTAMPTZ, gateway TEXT,"
        + " outcome TEXT, triggered_policy TEXT, user_name TEXT, provider TEXT, latency_ms TEXT)");
    TestDatabase.execute(broken, "INSERT INTO decision_events SELECT 'e' || i, now() - i * interval '1 minute', 'gw', 'allowed',"
        + " NULL, NULL, NULL, CASE WHEN i = 1 THEN 'n/a' ELSE '5' END FROM generate_series(1, 100) i");
    KtRun run = create(broken, "--since", "1d", "--format", "csv", "--", "--rowsPerPartition=10");
    assertEquals(1, run.exitCode(), run::toString);
    String err = run.err().strip();
    assertFalse(err.contains("\n"), err);
    assertTrue(err.startsWith("kt: export failed: "), err);
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(out), files.toList(), "no shard, part or staging directory left");
    }
  }

  @Test
  void anExportThatDoesNotReconcileIsFailedAndPublishesNothing() throws IOException {
    // A view in which the count sees 50 rows and the read 49, as if a row vanished in between.
    String drifting = TestDatabase.createDatabase("drifting_rows");
    TestDatabase.execute(drifting, "CREATE TABLE base_events (event_id TEXT, occurred_at TIMESTAMPTZ, gateway TEXT,"
        + " outcome TEXT, triggered_policy TEXT, user_name TEXT, provider TEXT, latency_ms INT)");
    TestDatabase.execute(drifting, "INSERT INTO base_events SELECT 'e' || i, now() - i * interval '1 minute', 'gw', 'allowed',"
        + " NULL, NULL, NULL, 5 FROM generate_series(1, 50) i");
    TestDatabase.execute(drifting, "CREATE VIEW decision_events AS SELECT * FROM base_events"
        + " WHERE event_id <> 'e1' OR current_query() LIKE '%COUNT(*)%'");
    KtRun run = create(drifting, "--since", "1d", "--format", "csv");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().strip().startsWith("kt: export failed: reconciliation failed: wrote 49 records but the source holds 50"), run.err());
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(out), files.toList(), "nothing published");
    }
    KtRun list = KtRun.run(Map.of("KT_HOME", home.toString()), "export", "list", "--status", "failed", "--format", "json");
    assertTrue(list.out().contains("wrote 49 records but the source holds 50"), list.out());
  }

  @Test
  void thePasswordNeverAppearsInAnError() throws IOException {
    Map<String, String> env = Map.of("KT_HOME", home.toString(), "KT_JDBC_PASSWORD", "s3cr3t-pw",
        "KT_JDBC_URL", "jdbc:postgresql://127.0.0.1:9/gateway?user=kt&password=inline-pw");
    KtRun run = KtRun.run(env, "export", "create", "--since", "1d", "--output", out.resolve("x").toString());
    assertNotEquals(0, run.exitCode());
    assertFalse(run.err().contains("s3cr3t-pw") || run.err().contains("inline-pw"), run.err());
    assertTrue(run.err().contains("password=***"), run.err());
  }

  @Test
  void aUrlNoDriverTakesIsNamedWithoutItsPassword() throws IOException {
    KtRun run = create("jdbc:postgres://db.example/gateway?user=kt&password=hunter2", "--since", "1d");
    assertOneLineError(run, "cannot connect to jdbc:postgres://db.example/gateway?user=kt&password=***");
    assertFalse(run.err().contains("hunter2"), run.err());
  }
}
