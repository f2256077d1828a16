package org.laminardb.connector.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.laminardb.core.type.DataType;

/**
 * The Avro record schema LaminarDB writes for a row type, and reads when a source gives no
 * {@code avro.schema}: one field per column with the column's name; a nullable column is the
 * union {@code ["null", T]} with default null. Types: BOOLEAN boolean, INT int, BIGINT long,
 * DOUBLE double, REAL float, DECIMAL(p, s) bytes with logical type {@code decimal(p, s)}, VARCHAR
 * string, TIMESTAMP long {@code local-timestamp-micros} (LaminarDB's TIMESTAMP has no zone),
 * DATE int {@code date}, INTERVAL long (microseconds).
 */
final class AvroSchemas {
  private AvroSchemas() {}

  /**
   * The record schema of some columns.
   *
   * @param name the record name (made a valid Avro name)
   * @param schema the columns
   * @param columns the columns to include, or null for all
   * @return the Avro schema
   */
  static Schema record(String name, org.laminardb.core.type.Schema schema, int[] columns) {
    List<Schema.Field> fields = new ArrayList<>();
    int n = columns == null ? schema.size() : columns.length;
    for (int i = 0; i < n; i++) {
      int c = columns == null ? i : columns[i];
      DataType type = schema.field(c).type();
      Schema s = of(type);
      if (type.nullable()) {
        fields.add(new Schema.Field(avroName(schema.field(c).name()),
            Schema.createUnion(Schema.create(Schema.Type.NULL), s), null,
            Schema.Field.NULL_DEFAULT_VALUE));
      } else {
        fields.add(new Schema.Field(avroName(schema.field(c).name()), s));
      }
    }
    return Schema.createRecord(avroName(name), null, "org.laminardb", false, fields);
  }

  /**
   * The record schema of a Debezium-style change event of rows: fields {@code before} and
   * {@code after}, each {@code ["null", row]} with default null, and {@code op}, a string
   * ({@code c}, {@code u} or {@code d}). The record is named {@code <row name>_envelope} in the
   * row's namespace.
   *
   * @param row the row record schema ({@link #record})
   * @return the envelope schema
   */
  static Schema envelope(Schema row) {
    List<Schema.Field> fields = new ArrayList<>();
    Schema image = Schema.createUnion(Schema.create(Schema.Type.NULL), row);
    fields.add(new Schema.Field("before", image, null, Schema.Field.NULL_DEFAULT_VALUE));
    fields.add(new Schema.Field("after", image, null, Schema.Field.NULL_DEFAULT_VALUE));
    fields.add(new Schema.Field("op", Schema.create(Schema.Type.STRING)));
    return Schema.createRecord(row.getName() + "_envelope", null, row.getNamespace(), false,
        fields);
  }

  /**
   * The row record schema of a change event's {@code before} and {@code after} fields: a record,
   * or the record branch of a union of null and a record.
   *
   * @param envelope a writer schema
   * @return the row schema, or null if {@code envelope} is not a record with fields {@code op}
   *     and {@code before}/{@code after} of one record type
   */
  static Schema envelopeRow(Schema envelope) {
    if (envelope.getType() != Schema.Type.RECORD || envelope.getField("op") == null
        || envelope.getField("before") == null || envelope.getField("after") == null) {
      return null;
    }
    Schema before = recordBranch(envelope.getField("before").schema());
    Schema after = recordBranch(envelope.getField("after").schema());
    return before != null && before.equals(after) ? after : null;
  }

  private static Schema recordBranch(Schema s) {
    if (s.getType() == Schema.Type.RECORD) {
      return s;
    }
    if (s.getType() != Schema.Type.UNION) {
      return null;
    }
    Schema found = null;
    for (Schema branch : s.getTypes()) {
      if (branch.getType() == Schema.Type.RECORD) {
        if (found != null) {
          return null;
        }
        found = branch;
      } else if (branch.getType() != Schema.Type.NULL) {
        return null;
      }
    }
    return found;
  }

  private static Schema of(DataType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case INT:
        return Schema.create(Schema.Type.INT);
      case DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case REAL:
        return Schema.create(Schema.Type.FLOAT);
      case DECIMAL:
        return LogicalTypes.decimal(type.precision(), type.scale())
            .addToSchema(Schema.create(Schema.Type.BYTES));
      case VARCHAR:
        return Schema.create(Schema.Type.STRING);
      case TIMESTAMP:
        return LogicalTypes.localTimestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case DATE:
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      default:
        return SchemaBuilder.builder().longType();
    }
  }

  /** A valid Avro name: letters, digits and underscores, not starting with a digit. */
  static String avroName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      b.append(Character.isLetterOrDigit(ch) && ch < 128 ? ch : '_');
    }
    if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
      b.insert(0, '_');
    }
    return b.toString();
  }
}
