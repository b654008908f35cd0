package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.filter.FilterByValues;
import dev.keeptrusts.export.filter.FilterByWindow;
import dev.keeptrusts.export.request.Field;
import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordFilter;
import dev.keeptrusts.export.request.RecordType;
import dev.keeptrusts.export.sink.CsvSink;
import dev.keeptrusts.export.sink.EnvelopeHeader;
import dev.keeptrusts.export.sink.JsonSink;
import dev.keeptrusts.export.sink.ParquetShardLayout;
import dev.keeptrusts.export.sink.ShardLayout;
import dev.keeptrusts.export.sink.TextShardLayout;
import dev.keeptrusts.export.sink.WriteShards;
import dev.keeptrusts.export.source.ReadRecords;
import dev.keeptrusts.export.source.SelectQuery;
import dev.keeptrusts.export.source.TimeSlice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * The one place an export's graph is assembled. It reads like the sentence that describes it:
 * read the records of each time slice, keep those in the window and matching every filter, write
 * them as shards.
 */
public final class ExportPipeline {
  private ExportPipeline() {}

  public static void build(Pipeline pipeline, ExportRequest request, List<TimeSlice> slices, String stagingDirectory, int shards) {
    String entity = request.type().plural();
    String step = Character.toUpperCase(entity.charAt(0)) + entity.substring(1);
    SelectQuery query = new SelectQuery(request.type(), request.filters());

    PCollection<GenericRecord> records =
        pipeline
            .apply("Read" + step, new ReadRecords(request.source(), request.type(), query, slices, request.fetchSize()))
            .apply("FilterByWindow", new FilterByWindow(request.type().timeField().name(), request.window()));
    for (RecordFilter filter : request.filters()) {
      records = records.apply(FilterByValues.stepName(filter), new FilterByValues(filter));
    }
    records.apply(
        "WriteShards",
        new WriteShards(
            layoutFor(request),
            request.type().tallyFields().stream().map(Field::name).toList(),
            stagingDirectory, entity, request.format().extension(), shards));
  }

  /** How the request's format is written in parts and assembled into shards. */
  static ShardLayout layoutFor(ExportRequest request) {
    RecordType type = request.type();
    return switch (request.format()) {
      case JSON -> new TextShardLayout(
          JsonSink.arrayElements(type),
          JsonSink.envelopeStart(
              type,
              new EnvelopeHeader(
                  request.id(),
                  Micros.format(Micros.of(request.createdAt())),
                  Micros.format(request.window().fromMicros()),
                  Micros.format(request.window().toMicros()))),
          ",\n".getBytes(StandardCharsets.UTF_8),
          JsonSink.ENVELOPE_END.getBytes(StandardCharsets.UTF_8));
      case JSONL -> new TextShardLayout(JsonSink.lines(type), new byte[0], new byte[0], new byte[0]);
      case CSV -> new TextShardLayout(CsvSink.rows(type, request.csvRaw()), CsvSink.headerRow(type), new byte[0], new byte[0]);
      case PARQUET -> new ParquetShardLayout(type.avroSchema(), request.compression().codec());
    };
  }
}
