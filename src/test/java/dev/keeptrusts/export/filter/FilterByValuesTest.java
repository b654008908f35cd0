package dev.keeptrusts.export.filter;

import static dev.keeptrusts.export.filter.FilterTestRecords.event;

import dev.keeptrusts.export.request.RecordFilter;
import dev.keeptrusts.export.request.RecordType;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** Each {@code --filter} key as a transform in a real pipeline. */
public class FilterByValuesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final List<GenericRecord> EVENTS =
      List.of(
          event("e1", "2025-01-01T00:00:00Z", "gw-prod-01", "blocked", "prompt-injection-guard", "alice", "openai/gpt-4o"),
          event("e2", "2025-01-01T00:00:01Z", "gw-high-risk", "escalated", "hipaa-guard", "bob", "anthropic/claude-3-5-sonnet"),
          event("e3", "2025-01-01T00:00:02Z", "gw-prod-01", "allowed", null, null, null),
          event("e4", "2025-01-01T00:00:03Z", "gw-high-risk", "redacted", "pii-redaction", "alice", "openai/gpt-4o"));

  private PCollection<String> idsAfter(String... filters) {
    PCollection<GenericRecord> records =
        pipeline.apply(Create.of(EVENTS).withCoder(AvroCoder.of(RecordType.EVENTS.avroSchema())));
    for (RecordFilter filter : RecordFilter.parseAll(List.of(filters), RecordType.EVENTS)) {
      records = records.apply(FilterByValues.stepName(filter), new FilterByValues(filter));
    }
    return records.apply(MapElements.into(TypeDescriptors.strings()).via(r -> r.get("event_id").toString()));
  }

  @Test
  public void filterByOutcomeKeepsAnyOfTheValues() {
    PAssert.that(idsAfter("outcome=blocked,escalated")).containsInAnyOrder("e1", "e2");
    pipeline.run();
  }

  @Test
  public void filterByPolicySkipsEventsWhereNoPolicyFired() {
    PAssert.that(idsAfter("policy=pii-redaction,hipaa-guard")).containsInAnyOrder("e2", "e4");
    pipeline.run();
  }

  @Test
  public void filterByGateway() {
    PAssert.that(idsAfter("gateway=gw-high-risk")).containsInAnyOrder("e2", "e4");
    pipeline.run();
  }

  @Test
  public void filterByUser() {
    PAssert.that(idsAfter("user=alice")).containsInAnyOrder("e1", "e4");
    pipeline.run();
  }

  @Test
  public void filterByProvider() {
    PAssert.that(idsAfter("provider=anthropic/claude-3-5-sonnet")).containsInAnyOrder("e2");
    pipeline.run();
  }

  @Test
  public void separateFiltersAreAnded() {
    PAssert.that(idsAfter("gateway=gw-prod-01,gw-high-risk", "user=alice", "outcome=redacted")).containsInAnyOrder("e4");
    pipeline.run();
  }

  @Test
  public void noMatchGivesAnEmptyCollection() {
    PAssert.that(idsAfter("gateway=x'); DROP TABLE decision_events;--")).empty();
    pipeline.run();
  }
}
