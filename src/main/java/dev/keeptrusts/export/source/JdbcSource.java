package dev.keeptrusts.export.source;

import dev.keeptrusts.export.request.UsageException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How to connect to the gateway's database. Serializable so read workers can open their own
 * connections; the password is never part of {@link #toString()} or {@link #maskedUrl()}.
 */
public final class JdbcSource implements Serializable {
  /** How long a connection attempt may take before the export fails instead of hanging. */
  public static final int CONNECT_TIMEOUT_SECONDS = 10;

  private final String url;
  private final String user;
  private final String password;

  public JdbcSource(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** The password, only to hand to the process that runs an export; never print it. */
  public String password() {
    return password;
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL with any inline password replaced by {@code ***}, safe to print and record. */
  public String maskedUrl() {
    return mask(url);
  }

  /** Masks inline passwords in any text that may contain a JDBC URL, such as a driver's message. */
  public String mask(String text) {
    String masked = text;
    if (password != null && !password.isEmpty()) {
      masked = masked.replace(password, "***");
    }
    return masked.replaceAll("(?i)(password=)[^&;\\s]*", "$1***").replaceAll("(//[^/:@\\s]+:)[^@/\\s]*@", "$1***@");
  }

  public Connection connect() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (isPostgres()) {
      props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
      props.setProperty("ApplicationName", "kt-export");
    }
    DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    return DriverManager.getConnection(url, props);
  }

  /** Connects, turning failures into a message that names the database and the fix. */
  public Connection connectOrExplain() {
    try {
      return connect();
    } catch (SQLException e) {
      throw new UsageException(
          "cannot connect to " + maskedUrl() + ": " + mask(firstLine(e.getMessage()))
              + "; check --jdbc-url, --jdbc-user and KT_JDBC_PASSWORD", e);
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }

  @Override
  public String toString() {
    return maskedUrl() + (user == null ? "" : " as " + user);
  }
}
