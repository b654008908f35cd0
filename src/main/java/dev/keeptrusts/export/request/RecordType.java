package dev.keeptrusts.export.request;

import static dev.keeptrusts.export.request.Field.Type.INTEGER;
import static dev.keeptrusts.export.request.Field.Type.STRING;
import static dev.keeptrusts.export.request.Field.Type.TIMESTAMP;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;

/**
 * The entities {@code kt export --type} can export. Each one is the single definition of its
 * table, its time column, its exported fields (in order) and its filter keys; JSON names, the CSV
 * header, the Parquet schema and the SQL select list are all derived from it.
 */
public enum RecordType {
  EVENTS(
      "events",
      "decision_events",
      "DecisionEvent",
      "timestamp",
      List.of(
          Field.required("event_id", "event_id", STRING),
          Field.required("timestamp", "occurred_at", TIMESTAMP),
          Field.required("gateway", "gateway", STRING),
          Field.required("outcome", "outcome", STRING),
          Field.optional("triggered_policy", "triggered_policy", STRING),
          Field.optional("user", "user_name", STRING),
          Field.optional("provider", "provider", STRING),
          Field.optional("latency_ms", "latency_ms", INTEGER)),
      filterKeys(
          new FilterKey("outcome", "outcome", Set.of("allowed", "blocked", "escalated", "redacted", "flagged")),
          new FilterKey("policy", "triggered_policy", Set.of()),
          new FilterKey("gateway", "gateway", Set.of()),
          new FilterKey("user", "user", Set.of()),
          new FilterKey("provider", "provider", Set.of()))),
  ESCALATIONS(
      "escalations",
      "escalations",
      "Escalation",
      "created_at",
      List.of(
          Field.required("escalation_id", "escalation_id", STRING),
          Field.optional("event_id", "event_id", STRING),
          Field.required("created_at", "created_at", TIMESTAMP),
          Field.required("gateway", "gateway", STRING),
          Field.required("policy", "policy", STRING),
          Field.optional("severity", "severity", STRING),
          Field.required("status", "status", STRING),
          Field.optional("reason", "reason", STRING),
          Field.optional("reviewer", "reviewer", STRING),
          Field.optional("resolved_at", "resolved_at", TIMESTAMP),
          Field.optional("resolution_note", "resolution_note", STRING)),
      filterKeys(
          new FilterKey("status", "status", Set.of("pending", "approved", "denied", "expired")),
          new FilterKey("severity", "severity", Set.of("critical", "high", "medium", "low")),
          new FilterKey("policy", "policy", Set.of()),
          new FilterKey("gateway", "gateway", Set.of())));

  /**
   * A {@code --filter} key: which exported field it matches and, for enumerations, the values
   * the gateway can write (empty when any value is valid).
   */
  public record FilterKey(String key, String field, Set<String> allowedValues) {}

  private final String plural;
  private final String table;
  private final String recordName;
  private final String timeField;
  private final List<Field> fields;
  private final Map<String, FilterKey> filterKeys;

  RecordType(
      String plural,
      String table,
      String recordName,
      String timeField,
      List<Field> fields,
      Map<String, FilterKey> filterKeys) {
    this.plural = plural;
    this.table = table;
    this.recordName = recordName;
    this.timeField = timeField;
    this.fields = fields;
    this.filterKeys = filterKeys;
  }

  /** The name used on the command line, in file names and as the JSON envelope's array key. */
  public String plural() {
    return plural;
  }

  public String table() {
    return table;
  }

  /** The Avro/Parquet record name. */
  public String recordName() {
    return recordName;
  }

  public List<Field> fields() {
    return fields;
  }

  public Field field(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field " + name + " in " + plural));
  }

  /** The timestamp field the export window applies to. */
  public Field timeField() {
    return field(timeField);
  }

  public Map<String, FilterKey> filterKeys() {
    return filterKeys;
  }

  /**
   * The fields whose values the manifest counts records by: outcome, policy and gateway for
   * events; status, policy and gateway for escalations.
   */
  public List<Field> tallyFields() {
    return switch (this) {
      case EVENTS -> List.of(field("outcome"), field("triggered_policy"), field("gateway"));
      case ESCALATIONS -> List.of(field("status"), field("policy"), field("gateway"));
    };
  }

  private static final Map<RecordType, Schema> AVRO_SCHEMAS = new EnumMap<>(RecordType.class);

  /**
   * The Avro schema of the exported record, the Parquet file schema too: strings, 32-bit integers
   * and timestamps as UTC {@code timestamp-micros}; optional fields are nullable unions.
   */
  public Schema avroSchema() {
    synchronized (AVRO_SCHEMAS) {
      return AVRO_SCHEMAS.computeIfAbsent(this, RecordType::buildAvroSchema);
    }
  }

  private static Schema buildAvroSchema(RecordType type) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(type.recordName).namespace("dev.keeptrusts.export").fields();
    for (Field field : type.fields) {
      Schema schema =
          switch (field.type()) {
            case STRING -> javaStringSchema();
            case INTEGER -> Schema.create(Schema.Type.INT);
            case TIMESTAMP -> LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
          };
      if (field.nullable()) {
        schema = Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
        fields = fields.name(field.name()).type(schema).withDefault(null);
      } else {
        fields = fields.name(field.name()).type(schema).noDefault();
      }
    }
    return fields.endRecord();
  }

  /** A string schema that Avro decodes to {@link String}, not {@code Utf8}. */
  private static Schema javaStringSchema() {
    Schema schema = Schema.create(Schema.Type.STRING);
    GenericData.setStringType(schema, GenericData.StringType.String);
    return schema;
  }

  public static RecordType parse(String value) {
    for (RecordType type : values()) {
      if (type.plural.equalsIgnoreCase(value)) {
        return type;
      }
    }
    throw new UsageException("unknown --type '" + value + "': use events or escalations");
  }

  private static Map<String, FilterKey> filterKeys(FilterKey... keys) {
    Map<String, FilterKey> map = new LinkedHashMap<>();
    for (FilterKey key : keys) {
      map.put(key.key(), key);
    }
    return map;
  }
}
