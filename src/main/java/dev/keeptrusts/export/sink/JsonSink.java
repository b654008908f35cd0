package dev.keeptrusts.export.sink;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/**
 * Writes records as JSON objects, one per line. For JSON Lines each line ends with a newline; for
 * the documented envelope the records are the array's elements, separated by {@code ,\n}, and
 * {@link #envelopeStart} and {@link #ENVELOPE_END} wrap them when a shard is assembled.
 */
public class JsonSink implements FileIO.Sink<GenericRecord> {
  static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** Closes the records array and the envelope object. */
  public static final String ENVELOPE_END = "\n]}\n";

  private final RecordType type;
  private final boolean arrayElements;
  private transient JsonGenerator json;
  private transient List<Field> fields;
  private transient boolean first;

  private JsonSink(RecordType type, boolean arrayElements) {
    this.type = type;
    this.arrayElements = arrayElements;
  }

  /** One object per line, {@code --format jsonl}. */
  public static JsonSink lines(RecordType type) {
    return new JsonSink(type, false);
  }

  /** The elements of the envelope's array, {@code --format json}. */
  public static JsonSink arrayElements(RecordType type) {
    return new JsonSink(type, true);
  }

  /** The documented envelope up to the opening of the records array. */
  public static byte[] envelopeStart(RecordType type, EnvelopeHeader header) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT); // leave the array open
      json.writeStartObject();
      json.writeStringField("export_id", header.exportId());
      json.writeStringField("created_at", header.createdAt());
      json.writeObjectFieldStart("time_range");
      json.writeStringField("from", header.from());
      json.writeStringField("to", header.to());
      json.writeEndObject();
      json.writeArrayFieldStart(type.plural());
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    fields = type.fields();
    first = true;
    json = JSON.createGenerator(Channels.newOutputStream(channel), JsonEncoding.UTF8);
    json.setPrettyPrinter(new MinimalPrettyPrinter(""));
  }

  @Override
  public void write(GenericRecord record) throws IOException {
    if (arrayElements && !first) {
      json.writeRaw(",\n");
    }
    first = false;
    JsonRecordWriter.write(json, fields, record);
    if (!arrayElements) {
      json.writeRaw('\n');
    }
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }
}
