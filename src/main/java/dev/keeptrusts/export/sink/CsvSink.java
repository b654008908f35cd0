package dev.keeptrusts.export.sink;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordType;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/**
 * Writes RFC 4180 CSV: UTF-8, CRLF line ends, a header row at the top of every shard (an empty one too),
 * timestamps in ISO-8601 UTC, NULL as an empty cell and an empty string as {@code ""}.
 *
 * <p>Unless {@code --csv-raw} is set, a text cell a spreadsheet would run as a formula (one that
 * starts with {@code = + - @}, a tab or a CR) is prefixed with {@code '}, so an auditor opening the
 * file cannot be attacked through a value a gateway user typed.
 */
public class CsvSink implements FileIO.Sink<GenericRecord> {
  private static final CsvFactory CSV =
      CsvFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
          .build();

  private final RecordType type;
  private final boolean raw;
  private final boolean header;
  private transient CsvGenerator csv;
  private transient List<Field> fields;

  private CsvSink(RecordType type, boolean raw, boolean header) {
    this.type = type;
    this.raw = raw;
    this.header = header;
  }

  /** Writes rows only: the parts a shard is assembled from. */
  public static CsvSink rows(RecordType type, boolean raw) {
    return new CsvSink(type, raw, false);
  }

  /** The header row, as a shard starts. */
  public static byte[] headerRow(RecordType type) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CsvSink sink = new CsvSink(type, false, true);
    try {
      sink.open(java.nio.channels.Channels.newChannel(bytes));
      sink.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    fields = type.fields();
    CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n").setNullValue("");
    fields.forEach(f -> schema.addColumn(f.name()));
    csv = (CsvGenerator) CSV.createGenerator(Channels.newOutputStream(channel), JsonEncoding.UTF8);
    csv.setSchema(schema.build());
    if (header) {
      csv.writeStartArray();
      for (Field field : fields) {
        csv.writeString(field.name());
      }
      csv.writeEndArray();
    }
  }

  @Override
  public void write(GenericRecord record) throws IOException {
    csv.writeStartArray();
    for (int i = 0; i < fields.size(); i++) {
      Object value = record.get(i);
      if (value == null) {
        // An unquoted empty cell; writeNull() drops the column in Jackson's array-as-row mode.
        csv.writeRawValue("");
        continue;
      }
      switch (fields.get(i).type()) {
        case STRING -> csv.writeString(raw ? value.toString() : neutraliseFormula(value.toString()));
        case INTEGER -> csv.writeNumber((Integer) value);
        case TIMESTAMP -> csv.writeString(Micros.format((Long) value));
      }
    }
    csv.writeEndArray();
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  /** Prefixes {@code '} to a cell that a spreadsheet would evaluate as a formula. */
  static String neutraliseFormula(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return formula ? "'" + cell : cell;
  }
}
