package dev.keeptrusts.export.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The gateway's table definitions, shipped as {@code schema/gateway-schema.sql}: the contract kt reads. */
public final class GatewaySchema {
  private static final String RESOURCE = "/schema/gateway-schema.sql";

  private GatewaySchema() {}

  /** The DDL as PostgreSQL runs it. */
  public static String ddl() {
    try (InputStream in = GatewaySchema.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the tables and indexes that do not exist yet. */
  public static void create(Connection connection) throws SQLException {
    String ddl = ddl().replaceAll("--[^\n]*", "");
    if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      // Other engines (H2 for the demo database) store TEXT as a LOB; the same columns as VARCHAR.
      ddl = ddl.replaceAll("\\bTEXT\\b", "VARCHAR");
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : ddl.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }
}
