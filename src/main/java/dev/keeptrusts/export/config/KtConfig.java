package dev.keeptrusts.export.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The values read from {@code config.yaml}, in the documented shape:
 *
 * <pre>
 * source:
 *   jdbc_url: jdbc:postgresql://db:5432/gateway
 *   jdbc_user: kt_reader
 * export:
 *   s3: {bucket: my-compliance-bucket, prefix: exports/, region: us-east-1}
 * </pre>
 *
 * A missing file is an empty configuration; the password is never read from it.
 */
public record KtConfig(Path file, JsonNode root) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static KtConfig load(Path file) {
    if (!Files.exists(file)) {
      return new KtConfig(file, YAML.createObjectNode());
    }
    try {
      JsonNode root = YAML.readTree(file.toFile());
      return new KtConfig(file, root == null || root.isMissingNode() ? YAML.createObjectNode() : root);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new UsageException("config file " + file + " is not valid YAML" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
  }

  /** A text value at a dotted path such as {@code source.jdbc_url}, or null. */
  public String text(String dottedPath) {
    JsonNode node = root;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
