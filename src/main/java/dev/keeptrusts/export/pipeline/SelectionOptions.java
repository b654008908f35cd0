package dev.keeptrusts.export.pipeline;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which records an export selects: the entity, the time window and the value filters. */
public interface SelectionOptions extends PipelineOptions {
  @Description("Entity to export: events or escalations")
  @Default.String("events")
  String getType();

  void setType(String value);

  @Description("Relative start of the window: <n>m|h|d|w before --to (or now), e.g. 30d")
  String getSince();

  void setSince(String value);

  @Description("Start of the window (inclusive): ISO-8601 date or instant, UTC unless an offset is given")
  String getFrom();

  void setFrom(String value);

  @Description("End of the window (exclusive): ISO-8601 instant, or a date whose whole day is included")
  String getTo();

  void setTo(String value);

  @Description("Filters key=v1,v2 (values OR'ed, filters AND'ed); keys: outcome, policy, gateway, user, provider for events; status, severity, policy, gateway for escalations")
  List<String> getFilters();

  void setFilters(List<String> value);
}
