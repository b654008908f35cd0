package dev.keeptrusts.export.filter;

import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordType;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Builds decision-event records for filter tests. */
final class FilterTestRecords {
  private FilterTestRecords() {}

  static GenericRecord event(String id, String timestamp, String gateway, String outcome, String policy, String user, String provider) {
    GenericData.Record record = new GenericData.Record(RecordType.EVENTS.avroSchema());
    record.put("event_id", id);
    record.put("timestamp", Micros.of(Instant.parse(timestamp)));
    record.put("gateway", gateway);
    record.put("outcome", outcome);
    record.put("triggered_policy", policy);
    record.put("user", user);
    record.put("provider", provider);
    record.put("latency_ms", 5);
    return record;
  }
}
