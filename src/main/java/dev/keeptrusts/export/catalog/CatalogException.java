package dev.keeptrusts.export.catalog;

/** The catalog cannot answer: an unknown id, or a catalog file that is corrupt or too new. */
public class CatalogException extends RuntimeException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
