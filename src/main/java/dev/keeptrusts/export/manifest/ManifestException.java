package dev.keeptrusts.export.manifest;

/** A manifest that is missing, unreadable or from a newer kt; the message is one line for the user. */
public class ManifestException extends RuntimeException {
  public ManifestException(String message) {
    super(message);
  }
}
