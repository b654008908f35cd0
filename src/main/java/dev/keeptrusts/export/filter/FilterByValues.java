package dev.keeptrusts.export.filter;

import dev.keeptrusts.export.request.RecordFilter;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keeps records whose field equals one of a {@code --filter}'s values, e.g. {@code
 * outcome=blocked,escalated}. A record whose field is NULL matches no value. The same predicate is
 * pushed into the SQL; this transform states it in the pipeline, where it also holds for sources
 * that cannot push it down.
 */
public class FilterByValues extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private final String field;
  private final Set<String> values;

  public FilterByValues(RecordFilter filter) {
    this.field = filter.field();
    this.values = new HashSet<>(filter.values());
  }

  /** The step name for this filter's key, e.g. {@code FilterByOutcome}. */
  public static String stepName(RecordFilter filter) {
    String key = filter.key();
    return "FilterBy" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> records) {
    String name = field;
    Set<String> accepted = values;
    return records.apply(
        "ValueIn",
        Filter.by(
            record -> {
              Object value = record.get(name);
              return value != null && accepted.contains(value.toString());
            }));
  }
}
