package dev.keeptrusts.export.request;

/**
 * A problem the user can fix: a bad flag, an unreachable database, a missing table. Its message is
 * shown as the one line of output, so it must say what is wrong and how to fix it.
 */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
