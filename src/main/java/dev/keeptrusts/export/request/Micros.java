package dev.keeptrusts.export.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps travel as UTC epoch microseconds: the database's precision, and Parquet's. */
public final class Micros {
  private Micros() {}

  public static long of(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  public static Instant toInstant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  public static OffsetDateTime toOffsetDateTime(long micros) {
    return toInstant(micros).atOffset(ZoneOffset.UTC);
  }

  /** ISO-8601 in UTC with {@code Z}, with as many fraction digits as needed (up to 6). */
  public static String format(long micros) {
    return DateTimeFormatter.ISO_INSTANT.format(toInstant(micros));
  }
}
