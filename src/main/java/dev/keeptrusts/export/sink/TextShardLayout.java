package dev.keeptrusts.export.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/**
 * CSV, JSON Lines and JSON shards: a header, the parts' bytes (with a separator between parts
 * where the format needs one), and a footer. For CSV the header is the header row; for JSON the
 * envelope's opening, with {@code ,\n} between parts and the closing as footer.
 */
public final class TextShardLayout implements ShardLayout {
  private final FileIO.Sink<GenericRecord> partSink;
  private final byte[] header;
  private final byte[] separator;
  private final byte[] footer;

  public TextShardLayout(FileIO.Sink<GenericRecord> partSink, byte[] header, byte[] separator, byte[] footer) {
    this.partSink = partSink;
    this.header = header.clone();
    this.separator = separator.clone();
    this.footer = footer.clone();
  }

  @Override
  public FileIO.Sink<GenericRecord> partSink() {
    return partSink;
  }

  @Override
  public void assemble(List<Path> parts, Path shard) throws IOException {
    try (OutputStream out = Files.newOutputStream(shard)) {
      out.write(header);
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          out.write(separator);
        }
        Files.copy(parts.get(i), out);
      }
      out.write(footer);
    }
  }
}
