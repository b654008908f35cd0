package dev.keeptrusts.export.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads exported files back with readers independent of the writers (Jackson's tree model,
 * Commons CSV, parquet-avro) into rows of field name to value, where every value is the text a
 * user would see: strings as-is, integers as digits, timestamps as ISO-8601 UTC, NULL as null.
 */
public final class ExportFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportFiles() {}

  public static List<Map<String, String>> readJson(Path file, String arrayKey) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode node : root.get(arrayKey)) {
      rows.add(jsonRow(node));
    }
    return rows;
  }

  public static JsonNode readJsonTree(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  public static List<Map<String, String>> readJsonLines(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        rows.add(jsonRow(JSON.readTree(line)));
      }
    }
    return rows;
  }

  private static Map<String, String> jsonRow(JsonNode node) {
    Map<String, String> row = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return row;
  }

  /** CSV rows; an unquoted empty cell is NULL, a quoted one the empty string. */
  public static List<Map<String, String>> readCsv(Path file) throws IOException {
    // In ALL_NON_NULL quote mode Commons CSV reads ,, as null and ,"", as the empty string.
    CSVFormat format =
        CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .build();
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(reader)) {
      for (CSVRecord record : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String name : parser.getHeaderNames()) {
          row.put(name, record.get(name));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  public static List<String> csvHeader(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().build();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(reader)) {
      return parser.getHeaderNames();
    }
  }

  public static List<Map<String, String>> readParquet(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
            .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
          Object value = record.get(field.name());
          row.put(field.name(), value == null ? null : text(value, field.schema()));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The Parquet file's Avro schema, to check types such as the timestamp logical type. */
  public static Schema parquetSchema(Path file) throws IOException {
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
            .build()) {
      GenericRecord first = reader.read();
      return first == null ? null : first.getSchema();
    }
  }

  /** The compression codec of the first column chunk, as the file's footer records it. */
  public static String parquetCodec(Path file) throws IOException {
    try (org.apache.parquet.hadoop.ParquetFileReader reader =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec().name();
    }
  }

  private static String text(Object value, Schema schema) {
    Schema type = schema;
    if (schema.getType() == Schema.Type.UNION) {
      type = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
    if (type.getLogicalType() != null && type.getLogicalType().getName().equals("timestamp-micros")) {
      return Instant.EPOCH.plus((Long) value, ChronoUnit.MICROS).toString();
    }
    return value.toString();
  }

  /** True for a data file of an export, not its manifest.json or SHA256SUMS. */
  public static boolean isShard(Path file) {
    String name = file.getFileName().toString();
    return !name.equals("manifest.json") && !name.equals("SHA256SUMS");
  }
}
