package dev.keeptrusts.export.testing;

import dev.keeptrusts.export.source.DemoData;
import dev.keeptrusts.export.source.JdbcSource;
import java.time.Instant;

/**
 * A PostgreSQL database with synthetic gateway data around January 2025 plus hand-made rows for
 * the edges: rows at and 1 µs either side of the window's bounds, NULLs, an empty string,
 * commas, quotes, newlines, Unicode, a spreadsheet formula and an SQL-injection string.
 */
public final class GatewayFixture {
  /** The window the tests export: [FROM, TO). */
  public static final String FROM = "2025-01-01T00:00:00Z";

  public static final String TO = "2025-02-01T00:00:00Z";
  public static final String SPECIAL_USER = "Zoë \"the, admin\"\nsecond line 中文 🚀";
  public static final String FORMULA = "=HYPERLINK(\"http://evil.example\")";
  public static final String INJECTION = "x'); DROP TABLE decision_events;--";
  public static final String SPECIAL_REASON = "Reason with \"quotes\", commas\r\nand a CRLF line";

  private GatewayFixture() {}

  /** Creates database {@code name} with {@code events} synthetic events and the edge rows; returns its URL. */
  public static String create(String name, long events) {
    String url = TestDatabase.createDatabase(name);
    DemoData.seed(new JdbcSource(url, "postgres", ""), events, Instant.parse("2025-02-20T00:00:00Z"), false);
    TestDatabase.execute(
        url,
        "INSERT INTO decision_events VALUES "
            + "('fx-at-from', '2025-01-01T00:00:00Z', 'gw-prod-01', 'allowed', NULL, 'alice', 'openai/gpt-4o', 5),"
            + "('fx-before-from', '2024-12-31T23:59:59.999999Z', 'gw-prod-01', 'allowed', NULL, 'alice', 'openai/gpt-4o', 5),"
            + "('fx-after-from', '2025-01-01T00:00:00.000001Z', 'gw-prod-01', 'allowed', NULL, 'alice', 'openai/gpt-4o', 5),"
            + "('fx-before-to', '2025-01-31T23:59:59.999999Z', 'gw-prod-01', 'blocked', 'pii-redaction', 'bob', 'openai/gpt-4o', 7),"
            + "('fx-at-to', '2025-02-01T00:00:00Z', 'gw-prod-01', 'blocked', 'pii-redaction', 'bob', 'openai/gpt-4o', 7),"
            + "('fx-after-to', '2025-02-01T00:00:00.000001Z', 'gw-prod-01', 'blocked', 'pii-redaction', 'bob', 'openai/gpt-4o', 7),"
            + "('fx-special', '2025-01-15T09:23:41.123456Z', 'gw-prod-01', 'blocked', 'prompt-injection-guard', "
            + quote(SPECIAL_USER) + ", " + quote(FORMULA) + ", 8),"
            + "('fx-nulls', '2025-01-16T00:00:00.5Z', 'gw-high-risk', 'flagged', NULL, NULL, NULL, NULL),"
            + "('fx-empty', '2025-01-17T12:00:00Z', 'gw-high-risk', 'allowed', NULL, '', '-5', 0),"
            + "('fx-injection', '2025-01-18T12:00:00Z', " + quote(INJECTION) + ", 'blocked', 'hipaa-guard', 'mallory', 'openai/gpt-4o', 3)");
    TestDatabase.execute(
        url,
        "INSERT INTO escalations VALUES "
            + "('fx-esc-at-from', 'fx-at-from', '2025-01-01T00:00:00Z', 'gw-prod-01', 'hipaa-guard', 'high', 'approved', 'r', 'j.smith', '2025-01-02T00:00:00Z', 'ok'),"
            + "('fx-esc-before-from', NULL, '2024-12-31T23:59:59.999999Z', 'gw-prod-01', 'hipaa-guard', 'high', 'denied', 'r', NULL, NULL, NULL),"
            + "('fx-esc-before-to', NULL, '2025-01-31T23:59:59.999999Z', 'gw-prod-01', 'hipaa-guard', 'low', 'pending', 'r', NULL, NULL, NULL),"
            + "('fx-esc-at-to', NULL, '2025-02-01T00:00:00Z', 'gw-prod-01', 'hipaa-guard', 'low', 'pending', 'r', NULL, NULL, NULL),"
            + "('fx-esc-special', 'fx-special', '2025-01-15T09:23:42.654321Z', 'gw-prod-01', 'prompt-injection-guard', NULL, 'pending', "
            + quote(SPECIAL_REASON) + ", NULL, NULL, " + quote(FORMULA) + ")");
    return url;
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
