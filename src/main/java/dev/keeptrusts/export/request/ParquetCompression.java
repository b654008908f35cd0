package dev.keeptrusts.export.request;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The codecs {@code --compression} accepts for Parquet. */
public enum ParquetCompression {
  SNAPPY(CompressionCodecName.SNAPPY),
  ZSTD(CompressionCodecName.ZSTD),
  GZIP(CompressionCodecName.GZIP),
  NONE(CompressionCodecName.UNCOMPRESSED);

  private final CompressionCodecName codec;

  ParquetCompression(CompressionCodecName codec) {
    this.codec = codec;
  }

  public CompressionCodecName codec() {
    return codec;
  }

  public static ParquetCompression parse(String value) {
    for (ParquetCompression c : values()) {
      if (c.name().equalsIgnoreCase(value)) {
        return c;
      }
    }
    throw new UsageException("unknown --compression '" + value + "': use snappy, zstd, gzip or none");
  }
}
