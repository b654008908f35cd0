package dev.keeptrusts.export.source;

import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordType;
import dev.keeptrusts.export.request.TimeWindow;
import dev.keeptrusts.export.request.UsageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Checks the source before a pipeline is built: that it answers, that the table exists, and how
 * many rows the export should produce. Failures become one-line {@link UsageException}s.
 */
public final class SourceProbe {
  private SourceProbe() {}

  public static SourceStats measure(JdbcSource source, RecordType type, SelectQuery query, TimeWindow window) {
    try (Connection connection = source.connectOrExplain();
        PreparedStatement statement = connection.prepareStatement(query.statsSql())) {
      query.bind(statement, window.fromMicros(), window.toMicros());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long count = rs.getLong(1);
        OffsetDateTime min = rs.getObject(2, OffsetDateTime.class);
        OffsetDateTime max = rs.getObject(3, OffsetDateTime.class);
        return count == 0
            ? new SourceStats(0, window.fromMicros(), window.fromMicros())
            : new SourceStats(count, Micros.of(min.toInstant()), Micros.of(max.toInstant()));
      }
    } catch (SQLException e) {
      throw explain(e, source, type);
    }
  }

  /** Turns a query failure into a message that names the table when it is missing. */
  public static UsageException explain(SQLException e, JdbcSource source, RecordType type) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // 42P01: PostgreSQL's undefined_table; 42S02/42S04 and 42102/42104: the same in H2.
    if (state.equals("42P01") || state.startsWith("42S0") || state.equals("42102") || state.equals("42104")) {
      return new UsageException(
          "table " + type.table() + " does not exist in " + source.maskedUrl()
              + ": create the gateway schema (printed by `kt demo schema`) or point --jdbc-url at the gateway's database", e);
    }
    return new UsageException(
        "query on " + type.table() + " in " + source.maskedUrl() + " failed: " + source.mask(JdbcSource.firstLine(e.getMessage())), e);
  }
}
