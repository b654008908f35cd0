package dev.keeptrusts.export.request;

import java.io.Serializable;

/**
 * One exported field: its public name (JSON key, CSV header, Parquet column), the source column
 * it is read from, and its type.
 */
public record Field(String name, String column, Type type, boolean nullable) implements Serializable {

  /** The three value types the gateway's tables use. Timestamps travel as UTC epoch microseconds. */
  public enum Type {
    STRING,
    INTEGER,
    TIMESTAMP
  }

  public static Field required(String name, String column, Type type) {
    return new Field(name, column, type, false);
  }

  public static Field optional(String name, String column, Type type) {
    return new Field(name, column, type, true);
  }
}
