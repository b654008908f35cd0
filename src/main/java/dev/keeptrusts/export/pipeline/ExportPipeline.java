package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.filter.FilterByValues;
import dev.keeptrusts.export.filter.FilterByWindow;
import dev.keeptrusts.export.request.Micros;
import dev.keeptrusts.export.request.RecordFilter;
import dev.keeptrusts.export.sink.CsvSink;
import dev.keeptrusts.export.sink.EnvelopeHeader;
import dev.keeptrusts.export.sink.JsonSink;
import dev.keeptrusts.export.sink.WriteShards;
import dev.keeptrusts.export.source.ReadRecords;
import dev.keeptrusts.export.source.SelectQuery;
import dev.keeptrusts.export.source.TimeSlice;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
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
        new WriteShards(sinkFor(request), stagingDirectory, entity, request.format().extension(), shards));
  }

  /** The file writer for the request's format; also used for shards that got no records. */
  public static FileIO.Sink<GenericRecord> sinkFor(ExportRequest request) {
    return switch (request.format()) {
      case JSON -> JsonSink.envelope(
          request.type(),
          new EnvelopeHeader(
              request.id(),
              Micros.format(Micros.of(request.createdAt())),
              Micros.format(request.window().fromMicros()),
              Micros.format(request.window().toMicros())));
      case JSONL -> JsonSink.lines(request.type());
      case CSV -> new CsvSink(request.type(), request.csvRaw());
      case PARQUET -> ParquetIO.sink(request.type().avroSchema()).withCompressionCodec(request.compression().codec());
    };
  }
}
