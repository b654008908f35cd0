package dev.keeptrusts.export.sink;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.RecordType;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/**
 * Writes a shard as JSON: either the documented envelope ({@code export_id}, {@code created_at},
 * {@code time_range}, then the records as an array) or, for warehouses, JSON Lines. Both stream:
 * the array is opened in {@link #open}, records are appended, and it is closed in {@link #flush}.
 */
public class JsonSink implements FileIO.Sink<GenericRecord> {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final RecordType type;
  private final EnvelopeHeader envelope;
  private transient JsonGenerator json;
  private transient List<Field> fields;

  private JsonSink(RecordType type, EnvelopeHeader envelope) {
    this.type = type;
    this.envelope = envelope;
  }

  /** The documented envelope format, {@code --format json}. */
  public static JsonSink envelope(RecordType type, EnvelopeHeader header) {
    return new JsonSink(type, header);
  }

  /** One object per line, {@code --format jsonl}. */
  public static JsonSink lines(RecordType type) {
    return new JsonSink(type, null);
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    fields = type.fields();
    json = JSON.createGenerator(Channels.newOutputStream(channel), JsonEncoding.UTF8);
    if (envelope == null) {
      json.setPrettyPrinter(new MinimalPrettyPrinter(""));
      return;
    }
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeStringField("export_id", envelope.exportId());
    json.writeStringField("created_at", envelope.createdAt());
    json.writeObjectFieldStart("time_range");
    json.writeStringField("from", envelope.from());
    json.writeStringField("to", envelope.to());
    json.writeEndObject();
    json.writeArrayFieldStart(type.plural());
  }

  @Override
  public void write(GenericRecord record) throws IOException {
    JsonRecordWriter.write(json, fields, record);
    if (envelope == null) {
      json.writeRaw('\n');
    }
  }

  @Override
  public void flush() throws IOException {
    if (envelope != null) {
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
    json.flush();
  }
}
