package dev.keeptrusts.export.sink;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.Micros;
import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/** Writes one record as a JSON object with the exported field names; the one place JSON values are typed. */
final class JsonRecordWriter {
  private JsonRecordWriter() {}

  static void write(JsonGenerator json, List<Field> fields, GenericRecord record) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      Object value = record.get(i);
      json.writeFieldName(field.name());
      if (value == null) {
        json.writeNull();
        continue;
      }
      switch (field.type()) {
        case STRING -> json.writeString(value.toString());
        case INTEGER -> json.writeNumber((Integer) value);
        case TIMESTAMP -> json.writeString(Micros.format((Long) value));
      }
    }
    json.writeEndObject();
  }
}
