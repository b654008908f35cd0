package dev.keeptrusts.export.filter;

import dev.keeptrusts.export.request.TimeWindow;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keeps records whose timestamp lies in the export window {@code [from, to)}. The read already
 * asks the database for exactly this range; this guard makes the window hold whatever the source
 * or a driver does with timestamps at the edges.
 */
public class FilterByWindow extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private final String timeField;
  private final long fromMicros;
  private final long toMicros;

  public FilterByWindow(String timeField, TimeWindow window) {
    this.timeField = timeField;
    this.fromMicros = window.fromMicros();
    this.toMicros = window.toMicros();
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> records) {
    String field = timeField;
    long from = fromMicros;
    long to = toMicros;
    return records.apply(
        "InWindow",
        Filter.by(
            record -> {
              Object value = record.get(field);
              if (value == null) {
                return false;
              }
              long micros = (Long) value;
              return micros >= from && micros < to;
            }));
  }
}
