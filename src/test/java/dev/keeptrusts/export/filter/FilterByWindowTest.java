package dev.keeptrusts.export.filter;

import static dev.keeptrusts.export.filter.FilterTestRecords.event;

import dev.keeptrusts.export.request.RecordType;
import dev.keeptrusts.export.request.TimeWindow;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** The window is half-open: its start is in, its end is out, to the microsecond. */
public class FilterByWindowTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void keepsExactlyTheHalfOpenInterval() {
    TimeWindow window = new TimeWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));
    List<GenericRecord> events =
        List.of(
            event("before-from", "2024-12-31T23:59:59.999999Z", "g", "allowed", null, null, null),
            event("at-from", "2025-01-01T00:00:00Z", "g", "allowed", null, null, null),
            event("after-from", "2025-01-01T00:00:00.000001Z", "g", "allowed", null, null, null),
            event("before-to", "2025-01-31T23:59:59.999999Z", "g", "allowed", null, null, null),
            event("at-to", "2025-02-01T00:00:00Z", "g", "allowed", null, null, null),
            event("after-to", "2025-02-01T00:00:00.000001Z", "g", "allowed", null, null, null));

    PAssert.that(
            pipeline
                .apply(Create.of(events).withCoder(AvroCoder.of(RecordType.EVENTS.avroSchema())))
                .apply(new FilterByWindow("timestamp", window))
                .apply(MapElements.into(TypeDescriptors.strings()).via(r -> r.get("event_id").toString())))
        .containsInAnyOrder("at-from", "after-from", "before-to");
    pipeline.run();
  }
}
