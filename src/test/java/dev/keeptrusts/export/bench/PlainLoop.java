package dev.keeptrusts.export.bench;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordType;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * The benchmark's JVM baseline: one thread, one JDBC query with a fetch size, straight into a
 * CSV file (Jackson CSV, as kt uses) or a Parquet file (parquet-avro, kt's schema, snappy). No
 * Beam. Usage: {@code PlainLoop csv|parquet JDBC_URL USER OUTPUT}.
 */
public final class PlainLoop {
  public static void main(String[] args) throws Exception {
    String format = args[0];
    Properties props = new Properties();
    props.setProperty("user", args[2]);
    RecordType type = RecordType.EVENTS;
    List<Field> fields = type.fields();
    String sql = "SELECT " + String.join(", ", fields.stream().map(Field::column).toList()) + " FROM " + type.table();
    long rows = 0;
    try (Connection connection = DriverManager.getConnection(args[1], props)) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setFetchSize(10_000);
        try (ResultSet rs = statement.executeQuery()) {
          rows = format.equals("csv") ? toCsv(rs, fields, Path.of(args[3])) : toParquet(rs, fields, type.avroSchema(), Path.of(args[3]));
        }
      }
    }
    System.out.println(rows);
  }

  private static long toCsv(ResultSet rs, List<Field> fields, Path out) throws Exception {
    long rows = 0;
    try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out), 1 << 16);
        CsvGenerator csv = new CsvMapper().getFactory().createGenerator(writer)) {
      csv.writeStartArray();
      for (Field field : fields) {
        csv.writeString(field.name());
      }
      csv.writeEndArray();
      while (rs.next()) {
        csv.writeStartArray();
        for (int i = 0; i < fields.size(); i++) {
          Object value = value(rs, i + 1, fields.get(i));
          csv.writeString(value == null ? "" : value.toString());
        }
        csv.writeEndArray();
        rows++;
      }
    }
    return rows;
  }

  private static long toParquet(ResultSet rs, List<Field> fields, Schema schema, Path out) throws Exception {
    long rows = 0;
    Files.deleteIfExists(out); // a previous repetition's file
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(out.toUri()), new Configuration()))
            .withSchema(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      while (rs.next()) {
        GenericRecord record = new GenericData.Record(schema);
        for (int i = 0; i < fields.size(); i++) {
          Field field = fields.get(i);
          Object value = value(rs, i + 1, field);
          record.put(field.name(), field.type() == Field.Type.TIMESTAMP && value != null ? Micros.of(((OffsetDateTime) value).toInstant()) : value);
        }
        writer.write(record);
        rows++;
      }
    }
    return rows;
  }

  private static Object value(ResultSet rs, int column, Field field) throws Exception {
    Object value = switch (field.type()) {
      case STRING -> rs.getString(column);
      case INTEGER -> rs.getInt(column);
      case TIMESTAMP -> rs.getObject(column, OffsetDateTime.class);
    };
    return rs.wasNull() ? null : value;
  }
}
