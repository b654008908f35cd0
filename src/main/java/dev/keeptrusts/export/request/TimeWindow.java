package dev.keeptrusts.export.request;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The half-open UTC interval {@code [from, to)} an export covers, resolved once when the export
 * starts. An event exactly at {@code from} is in, one exactly at {@code to} is out, so consecutive
 * windows never share or miss an event.
 */
public record TimeWindow(Instant from, Instant to) implements Serializable {

  /** Where a window starts when neither {@code --since} nor {@code --from} is given: all history. */
  public static final Instant BEGINNING = Instant.EPOCH;

  private static final Pattern DURATION = Pattern.compile("(\\d+)([mhdw])");

  public TimeWindow {
    if (!from.isBefore(to)) {
      throw new UsageException(
          "the time range is empty: --from " + from + " is not before --to " + to + "; swap them or widen the range");
    }
  }

  /**
   * Resolves the {@code --since}, {@code --from} and {@code --to} flags against {@code now}.
   *
   * <p>{@code --since 30d} means {@code [now - 30d, now)}; units are m, h, d and w. {@code
   * --from}/{@code --to} take an ISO-8601 instant ({@code 2025-01-01T00:00:00Z}) or date ({@code
   * 2025-03-31}); a date-only {@code --to} includes that whole day.
   */
  public static TimeWindow resolve(String since, String from, String to, Instant now) {
    Instant end = to == null ? now.truncatedTo(ChronoUnit.SECONDS) : parseBound("--to", to, true);
    if (since != null && from != null) {
      throw new UsageException("--since and --from both set the start of the range: use one of them");
    }
    Instant start;
    if (since != null) {
      try {
        start = end.minus(parseSince(since));
      } catch (java.time.DateTimeException e) {
        throw new UsageException("invalid --since '" + since + "': it reaches back before the year -1000000000; use a shorter duration");
      }
    } else if (from != null) {
      start = parseBound("--from", from, false);
    } else {
      start = BEGINNING;
    }
    return new TimeWindow(start, end);
  }

  /** Parses {@code <n>m|h|d|w}: minutes, hours, days or weeks. */
  public static Duration parseSince(String since) {
    Matcher m = DURATION.matcher(since.trim());
    if (!m.matches()) {
      throw new UsageException(
          "invalid --since '" + since + "': use a positive number and a unit m, h, d or w, e.g. --since 30d");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new UsageException("invalid --since '" + since + "': the number is too large");
    }
    if (n == 0) {
      throw new UsageException("invalid --since '" + since + "': the duration must be greater than zero");
    }
    ChronoUnit unit =
        switch (m.group(2)) {
          case "m" -> ChronoUnit.MINUTES;
          case "h" -> ChronoUnit.HOURS;
          case "d" -> ChronoUnit.DAYS;
          default -> ChronoUnit.WEEKS;
        };
    try {
      return unit.getDuration().multipliedBy(n);
    } catch (ArithmeticException e) {
      throw new UsageException("invalid --since '" + since + "': the duration is too large");
    }
  }

  private static Instant parseBound(String flag, String value, boolean endOfDay) {
    String v = value.trim();
    try {
      if (v.length() == 10) {
        LocalDate date = LocalDate.parse(v);
        return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        // An instant without an offset is read as UTC.
        return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        throw new UsageException(
            "invalid " + flag + " '" + value + "': use an ISO-8601 date (2025-03-31) or instant (2025-03-31T12:00:00Z)");
      }
    }
  }

  /** Epoch microseconds of {@link #from()}, the unit every timestamp travels in. */
  public long fromMicros() {
    return Micros.of(from);
  }

  public long toMicros() {
    return Micros.of(to);
  }
}
