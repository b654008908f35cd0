package dev.keeptrusts.export.source;

import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads an export's rows from the gateway's database, one query per {@link TimeSlice}, in
 * parallel. Each query streams through a cursor (auto-commit off, a fetch size), so no slice is
 * ever held whole in a JDBC driver's memory.
 *
 * <pre>{@code
 * PCollection<GenericRecord> events =
 *     p.apply("ReadEvents", new ReadRecords(source, RecordType.EVENTS, query, slices, 10_000));
 * }</pre>
 *
 * <p>Only the handful of slice descriptions is redistributed, never the rows: a reshuffle of the
 * rows themselves is what makes JdbcIO's default read crawl on the DirectRunner.
 */
public class ReadRecords extends PTransform<PBegin, PCollection<GenericRecord>> {
  private final JdbcSource source;
  private final RecordType type;
  private final SelectQuery query;
  private final List<TimeSlice> slices;
  private final int fetchSize;

  public ReadRecords(JdbcSource source, RecordType type, SelectQuery query, List<TimeSlice> slices, int fetchSize) {
    this.source = source;
    this.type = type;
    this.query = query;
    this.slices = List.copyOf(slices);
    this.fetchSize = fetchSize;
  }

  @Override
  public PCollection<GenericRecord> expand(PBegin input) {
    return input
        .apply("PlanSlices", Create.of(slices))
        .apply("DistributeSlices", Reshuffle.viaRandomKey())
        .apply("QuerySlice", ParDo.of(new QuerySliceFn(source, type, query, fetchSize)))
        .setCoder(AvroCoder.of(type.avroSchema()));
  }

  /** Runs the select for one slice and emits each row as a record of the export schema. */
  static class QuerySliceFn extends DoFn<TimeSlice, GenericRecord> {
    private final JdbcSource source;
    private final RecordType type;
    private final SelectQuery query;
    private final int fetchSize;
    private transient Schema schema;

    QuerySliceFn(JdbcSource source, RecordType type, SelectQuery query, int fetchSize) {
      this.source = source;
      this.type = type;
      this.query = query;
      this.fetchSize = fetchSize;
    }

    @Setup
    public void setup() {
      schema = type.avroSchema();
    }

    @ProcessElement
    public void process(@Element TimeSlice slice, OutputReceiver<GenericRecord> out) throws SQLException {
      List<Field> fields = type.fields();
      try (Connection connection = source.connect()) {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (PreparedStatement statement = connection.prepareStatement(query.selectSql())) {
          statement.setFetchSize(fetchSize);
          query.bind(statement, slice.fromMicros(), slice.toMicros());
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              GenericData.Record record = new GenericData.Record(schema);
              for (int i = 0; i < fields.size(); i++) {
                record.put(i, readValue(rs, i + 1, fields.get(i).type()));
              }
              out.output(record);
            }
          }
        } finally {
          connection.rollback();
        }
      }
    }

    private static Object readValue(ResultSet rs, int column, Field.Type type) throws SQLException {
      switch (type) {
        case STRING:
          return rs.getString(column);
        case INTEGER:
          int value = rs.getInt(column);
          return rs.wasNull() ? null : value;
        default:
          OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
          return time == null ? null : Micros.of(time.toInstant());
      }
    }
  }
}
