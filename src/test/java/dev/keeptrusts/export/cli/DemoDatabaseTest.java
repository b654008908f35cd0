package dev.keeptrusts.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keeptrusts.export.source.DemoDatabase;
import dev.keeptrusts.export.source.JdbcSource;
import dev.keeptrusts.export.testing.ExportFiles;
import dev.keeptrusts.export.testing.KtRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing configured, kt creates and reads the embedded demo database. */
class DemoDatabaseTest {
  @TempDir Path home;

  @Test
  void theReadmeCommandWorksWithNothingInstalled() throws Exception {
    Map<String, String> env = Map.of("KT_HOME", home.toString());
    KtRun run = KtRun.run(env, "export", "create", "--since", "30d", "--format", "json");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Using the demo database"), run.err());
    assertEquals(1, run.err().strip().lines().count(), "one line about the demo database: " + run.err());
    assertEquals("processing", run.field("Status"), "it runs in the background");

    JsonNode status = KtRun.awaitFinal(env, run.field("Export ID"), Duration.ofMinutes(2));
    assertEquals("completed", status.get("status").asText(), status::toString);
    Path dir = Path.of(status.get("destination").asText());
    assertTrue(dir.startsWith(home.resolve("exports")));
    Path file = dir.resolve("events-00000-of-00001.json");
    JsonNode root = ExportFiles.readJsonTree(file);
    long exported = root.get("events").size();
    assertEquals(String.format("%,d", exported), run.field("Events"));

    JdbcSource demo = DemoDatabase.open(home.resolve("demo"));
    try (Connection c = demo.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT gateway), COUNT(DISTINCT outcome) FROM decision_events")) {
      rs.next();
      assertEquals(DemoDatabase.EVENTS, rs.getLong(1));
      assertTrue(rs.getLong(2) >= 4 && rs.getLong(3) == 5);
    }
    // 30 of the demo's 180 days: about a sixth of its events.
    assertTrue(exported > DemoDatabase.EVENTS / 8 && exported < DemoDatabase.EVENTS / 4, "exported " + exported);

    // Several background exports read the demo database at once, none depending on another.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      KtRun concurrent = KtRun.run(env, "export", "create", "--since", "30d", "--format", "csv");
      assertEquals(0, concurrent.exitCode(), concurrent::toString);
      ids.add(concurrent.field("Export ID"));
    }
    for (String id : ids) {
      JsonNode done = KtRun.awaitFinal(env, id, Duration.ofMinutes(2));
      assertEquals("completed", done.get("status").asText(), done::toString);
      assertEquals(done.get("records_expected").asLong(), done.get("records_written").asLong());
    }

    KtRun escalations = KtRun.run(env, "export", "create", "--since", "90d", "--type", "escalations", "--format", "csv",
        "--output", home.resolve("pkg/escalations.csv").toString());
    assertEquals(0, escalations.exitCode(), escalations::toString);
    assertEquals(String.format("%,d", ExportFiles.readCsv(home.resolve("pkg/escalations.csv")).size()), escalations.field("Escalations"));
    assertTrue(Files.exists(home.resolve("demo/kt-demo.mv.db")));
  }
}
