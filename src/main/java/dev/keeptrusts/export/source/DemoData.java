package dev.keeptrusts.export.source;

import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.UsageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic gateway data: the same {@code events} and {@code until} always give the
 * same rows. Events are spread over the 180 days before {@code until} across several gateways,
 * policies, users and providers with a realistic mix of outcomes; escalated events, and some
 * blocked ones, raise an escalation.
 *
 * <pre>{@code kt demo seed --events 1000000 --jdbc-url jdbc:postgresql://localhost/gateway}</pre>
 */
public final class DemoData {
  public static final Duration SPAN = Duration.ofDays(180);

  private static final String[] GATEWAYS = {"gw-prod-01", "gw-prod-02", "gw-staging-01", "gw-high-risk", "gw-eu-west-01"};
  private static final String[] BLOCKING_POLICIES = {
    "prompt-injection-guard", "jailbreak-detector", "data-exfiltration-guard", "toxicity-filter", "hipaa-guard"
  };
  private static final String[] REDACTION_POLICIES = {"pii-redaction", "hipaa-guard", "secrets-redaction"};
  private static final String[] PROVIDERS = {
    "openai/gpt-4o", "openai/gpt-4o-mini", "anthropic/claude-3-5-sonnet", "google/gemini-1.5-pro", "azure/gpt-4o", "mistral/mistral-large"
  };
  private static final String[] USERS = {
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
    "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "zoë"
  };
  private static final String[] REVIEWERS = {"sec-oncall", "compliance-lead", "j.smith", "m.garcia"};
  private static final String[] REASONS = {
    "Possible prompt injection: \"ignore previous instructions\"",
    "PHI detected in prompt, patient record number",
    "Bulk export of customer emails, 1,204 addresses",
    "Jailbreak pattern matched\nsecond stage payload",
    "High-risk use: credit scoring decision"
  };
  private static final int BATCH = 5_000;

  private DemoData() {}

  /** Creates the schema if needed and inserts {@code events} events (and their escalations). */
  public static long[] seed(JdbcSource source, long events, Instant until, boolean replace) {
    try (Connection connection = source.connectOrExplain()) {
      GatewaySchema.create(connection);
      long existing = count(connection, "decision_events") + count(connection, "escalations");
      if (existing > 0 && !replace) {
        throw new UsageException(
            "the tables in " + source.maskedUrl() + " already hold " + existing + " rows: pass --replace to delete them first");
      }
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM escalations");
        statement.executeUpdate("DELETE FROM decision_events");
      }
      long escalations = insert(connection, events, until);
      connection.commit();
      return new long[] {events, escalations};
    } catch (SQLException e) {
      throw new UsageException("seeding " + source.maskedUrl() + " failed: " + JdbcSource.firstLine(e.getMessage()), e);
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long insert(Connection connection, long events, Instant until) throws SQLException {
    SplittableRandom random = new SplittableRandom(20250101L);
    long end = Micros.of(until);
    long span = SPAN.toNanos() / 1000;
    long escalations = 0;
    try (PreparedStatement event =
            connection.prepareStatement(
                "INSERT INTO decision_events (event_id, occurred_at, gateway, outcome, triggered_policy, user_name, provider, latency_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement escalation =
            connection.prepareStatement(
                "INSERT INTO escalations (escalation_id, event_id, created_at, gateway, policy, severity, status, reason, reviewer,"
                    + " resolved_at, resolution_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (long i = 0; i < events; i++) {
        long at = end - 1 - random.nextLong(span);
        String gateway = pick(random, GATEWAYS);
        String outcome = outcome(random);
        String policy =
            switch (outcome) {
              case "allowed" -> random.nextInt(10) == 0 ? pick(random, REDACTION_POLICIES) : null;
              case "redacted" -> pick(random, REDACTION_POLICIES);
              default -> pick(random, BLOCKING_POLICIES);
            };
        event.setString(1, String.format("evt-%010d", i));
        event.setObject(2, Micros.toOffsetDateTime(at));
        event.setString(3, gateway);
        event.setString(4, outcome);
        event.setString(5, policy);
        event.setString(6, random.nextInt(25) == 0 ? null : pick(random, USERS));
        event.setString(7, pick(random, PROVIDERS));
        if (random.nextInt(50) == 0) {
          event.setNull(8, Types.INTEGER);
        } else {
          event.setInt(8, 2 + (int) Math.min(5000, Math.exp(random.nextDouble() * 7)));
        }
        event.addBatch();
        if (outcome.equals("escalated") || (outcome.equals("blocked") && random.nextInt(5) == 0)) {
          addEscalation(escalation, random, escalations++, i, at, end, gateway, policy);
        }
        if ((i + 1) % BATCH == 0) {
          event.executeBatch();
          escalation.executeBatch();
        }
      }
      event.executeBatch();
      escalation.executeBatch();
    }
    return escalations;
  }

  private static void addEscalation(
      PreparedStatement s, SplittableRandom random, long n, long event, long at, long end, String gateway, String policy)
      throws SQLException {
    long created = Math.min(end - 1, at + 1_000_000L + random.nextLong(60_000_000L));
    boolean pending = end - created < Duration.ofDays(3).toNanos() / 1000 || random.nextInt(20) == 0;
    String status = pending ? "pending" : new String[] {"approved", "denied", "denied", "expired"}[random.nextInt(4)];
    s.setString(1, String.format("esc-%010d", n));
    s.setString(2, String.format("evt-%010d", event));
    s.setObject(3, Micros.toOffsetDateTime(created));
    s.setString(4, gateway);
    s.setString(5, policy);
    s.setString(6, new String[] {"critical", "high", "high", "medium", "medium", "low"}[random.nextInt(6)]);
    s.setString(7, status);
    s.setString(8, pick(random, REASONS));
    boolean resolved = !pending && !status.equals("expired");
    s.setString(9, resolved ? pick(random, REVIEWERS) : null);
    if (pending) {
      s.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(10, Micros.toOffsetDateTime(Math.min(end - 1, created + random.nextLong(86_400_000_000L))));
    }
    s.setString(11, resolved ? (status.equals("approved") ? "False positive, user verified" : "Confirmed; user notified, ticket SEC-" + (1000 + n)) : null);
    s.addBatch();
  }

  private static String outcome(SplittableRandom random) {
    int p = random.nextInt(100);
    if (p < 78) {
      return "allowed";
    } else if (p < 87) {
      return "blocked";
    } else if (p < 93) {
      return "redacted";
    } else if (p < 97) {
      return "flagged";
    }
    return "escalated";
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
