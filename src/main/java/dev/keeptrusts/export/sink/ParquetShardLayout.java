package dev.keeptrusts.export.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * Parquet shards: each part is a complete Parquet file written by ParquetIO's sink; a shard of
 * one part is that file, moved into place, and a shard of several parts gets their row groups copied as
 * they are (no decoding or re-compressing).
 */
public final class ParquetShardLayout implements ShardLayout {
  private final String avroSchema;
  private final CompressionCodecName codec;

  public ParquetShardLayout(Schema schema, CompressionCodecName codec) {
    this.avroSchema = schema.toString();
    this.codec = codec;
  }

  @Override
  public FileIO.Sink<GenericRecord> partSink() {
    return ParquetIO.sink(new Schema.Parser().parse(avroSchema)).withCompressionCodec(codec);
  }

  @Override
  public void assemble(List<Path> parts, Path shard) throws IOException {
    if (parts.isEmpty()) {
      FileIO.Sink<GenericRecord> sink = partSink();
      try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        sink.open(channel);
        sink.flush();
      }
    } else if (parts.size() == 1) {
      Files.move(parts.get(0), shard, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Configuration conf = new Configuration();
      FileMetaData metadata;
      try (ParquetFileReader first = ParquetFileReader.open(HadoopInputFile.fromPath(hadoopPath(parts.get(0)), conf))) {
        metadata = first.getFooter().getFileMetaData();
      }
      ParquetFileWriter writer =
          new ParquetFileWriter(
              HadoopOutputFile.fromPath(hadoopPath(shard), conf),
              metadata.getSchema(),
              ParquetFileWriter.Mode.CREATE,
              ParquetWriter.DEFAULT_BLOCK_SIZE,
              ParquetWriter.MAX_PADDING_SIZE_DEFAULT);
      writer.start();
      for (Path part : parts) {
        writer.appendFile(HadoopInputFile.fromPath(hadoopPath(part), conf));
      }
      Map<String, String> keyValues = metadata.getKeyValueMetaData();
      writer.end(keyValues);
    }
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
