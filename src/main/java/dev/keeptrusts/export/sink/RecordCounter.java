package dev.keeptrusts.export.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.keeptrusts.export.request.ExportFormat;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Counts the records in an exported file by parsing it the way a reader would (quoted CSV cells
 * may span lines), so a verification does not take the manifest's word for it. Parquet files
 * are counted from their footers.
 */
public final class RecordCounter {
  private RecordCounter() {}

  private static final JsonFactory JSON = new JsonFactory();
  private static final CsvMapper CSV = new CsvMapper();

  public static long count(Path file, ExportFormat format) throws IOException {
    return switch (format) {
      case CSV -> countCsvRows(file);
      case JSONL -> countJsonValues(file);
      case JSON -> countEnvelopeRecords(file);
      case PARQUET -> countParquetRows(file);
    };
  }

  private static long countCsvRows(Path file) throws IOException {
    long rows = 0;
    try (MappingIterator<String[]> it =
        CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        it.nextValue();
        rows++;
      }
    }
    return Math.max(0, rows - 1); // the header
  }

  private static long countJsonValues(Path file) throws IOException {
    long values = 0;
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      while (parser.nextToken() != null) {
        parser.skipChildren();
        values++;
      }
    }
    return values;
  }

  /** The elements of the envelope's record array ({@code "events": [...]}). */
  private static long countEnvelopeRecords(Path file) throws IOException {
    long records = 0;
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file.getFileName() + " is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if (parser.nextToken() == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            records++;
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return records;
  }

  private static long countParquetRows(Path file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getRecordCount();
    }
  }
}
