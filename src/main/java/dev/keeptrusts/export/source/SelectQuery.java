package dev.keeptrusts.export.source;

import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordFilter;
import dev.keeptrusts.export.request.RecordType;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL an export runs, with every predicate pushed down as a bound parameter: the time slice
 * and each {@code --filter}. Filter values are never spliced into the text, so any string is just
 * a value to compare with.
 */
public final class SelectQuery implements Serializable {
  private final RecordType type;
  private final List<RecordFilter> filters;

  public SelectQuery(RecordType type, List<RecordFilter> filters) {
    this.type = type;
    this.filters = List.copyOf(filters);
  }

  /** Selects the exported columns of the rows in one slice. */
  public String selectSql() {
    String columns = type.fields().stream().map(Field::column).collect(Collectors.joining(", "));
    return "SELECT " + columns + " FROM " + type.table() + where();
  }

  /** Counts the rows and finds the time span of the whole window, for planning and reconciliation. */
  public String statsSql() {
    String time = type.timeField().column();
    return "SELECT COUNT(*), MIN(" + time + "), MAX(" + time + ") FROM " + type.table() + where();
  }

  private String where() {
    String time = type.timeField().column();
    List<String> predicates = new ArrayList<>();
    predicates.add(time + " >= ?");
    predicates.add(time + " < ?");
    for (RecordFilter filter : filters) {
      if (filter.values().isEmpty()) {
        predicates.add("1 = 0"); // repeated --filter flags with no value in common: nothing matches
        continue;
      }
      String placeholders = filter.values().stream().map(v -> "?").collect(Collectors.joining(", "));
      predicates.add(type.field(filter.field()).column() + " IN (" + placeholders + ")");
    }
    return " WHERE " + String.join(" AND ", predicates);
  }

  /** Binds the slice bounds and the filter values, in the order {@link #where()} wrote them. */
  public void bind(PreparedStatement statement, long fromMicros, long toMicros) throws SQLException {
    int i = 1;
    statement.setObject(i++, Micros.toOffsetDateTime(fromMicros));
    statement.setObject(i++, Micros.toOffsetDateTime(toMicros));
    for (RecordFilter filter : filters) {
      for (String value : filter.values()) {
        statement.setString(i++, value);
      }
    }
  }
}
