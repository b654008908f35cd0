package dev.keeptrusts.export.request;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code --filter "key=v1,v2"}: keeps records whose {@code field} equals one of {@code
 * values}. Values in one filter are OR; separate filters are AND.
 */
public record RecordFilter(String key, String field, List<String> values) implements Serializable {

  /** The filter as a {@code --filter} value, {@code key=v1,v2}, as the catalog and manifest record it. */
  public String asFlag() {
    return key + "=" + String.join(",", values);
  }

  /**
   * Parses every {@code --filter} flag for the given record type, merging repeated keys (the
   * intersection of their values, since separate flags are AND).
   */
  public static List<RecordFilter> parseAll(List<String> flags, RecordType type) {
    Map<String, Set<String>> byKey = new LinkedHashMap<>();
    for (String flag : flags) {
      RecordFilter filter = parse(flag, type);
      byKey.merge(
          filter.key(),
          new LinkedHashSet<>(filter.values()),
          (a, b) -> {
            a.retainAll(b);
            return a;
          });
    }
    List<RecordFilter> filters = new ArrayList<>();
    byKey.forEach(
        (key, values) ->
            filters.add(new RecordFilter(key, type.filterKeys().get(key).field(), List.copyOf(values))));
    return filters;
  }

  public static RecordFilter parse(String flag, RecordType type) {
    int eq = flag.indexOf('=');
    String validKeys = String.join(", ", type.filterKeys().keySet());
    if (eq < 0) {
      throw new UsageException(
          "invalid --filter '" + flag + "': use key=value[,value...], e.g. --filter \"outcome=blocked,escalated\"; keys for "
              + type.plural() + ": " + validKeys);
    }
    String key = flag.substring(0, eq).trim();
    RecordType.FilterKey filterKey = type.filterKeys().get(key);
    if (filterKey == null) {
      throw new UsageException(
          "unknown filter key '" + key + "' for --type " + type.plural() + ": valid keys are " + validKeys);
    }
    List<String> values = new ArrayList<>();
    for (String v : flag.substring(eq + 1).split(",", -1)) {
      String value = v.trim();
      if (value.isEmpty()) {
        throw new UsageException(
            "invalid --filter '" + flag + "': empty value; list values separated by commas, e.g. " + key + "=a,b");
      }
      if (!filterKey.allowedValues().isEmpty() && !filterKey.allowedValues().contains(value)) {
        throw new UsageException(
            "unknown " + key + " '" + value + "': valid values are "
                + String.join(", ", new TreeSet<>(filterKey.allowedValues())));
      }
      values.add(value);
    }
    return new RecordFilter(key, filterKey.field(), List.copyOf(values));
  }
}
