package org.laminardb.connector.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Which columns of a KAFKA source come from the record's value (the payload) and which from its
 * metadata: a column named {@code _partition} (INT or BIGINT), {@code _offset} (BIGINT), {@code
 * _timestamp} (TIMESTAMP) or {@code _key} (VARCHAR) is filled from the record, when declared.
 */
final class SourceLayout {
  /** Index of the {@code _partition} column, or -1. */
  final int partition;
  /** Index of the {@code _offset} column, or -1. */
  final int offset;
  /** Index of the {@code _timestamp} column, or -1. */
  final int timestamp;
  /** Index of the {@code _key} column, or -1. */
  final int key;
  /** Indexes of the payload columns, in declaration order. */
  final int[] payload;
  /** Names of all columns. */
  final String[] names;

  SourceLayout(String source, Schema schema) {
    int p = -1;
    int o = -1;
    int t = -1;
    int k = -1;
    List<Integer> cols = new ArrayList<>();
    names = new String[schema.size()];
    for (int i = 0; i < schema.size(); i++) {
      String name = schema.field(i).name();
      names[i] = name;
      TypeKind kind = schema.field(i).type().kind();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "_partition":
          p = check(source, name, kind, i, TypeKind.INT, TypeKind.BIGINT);
          break;
        case "_offset":
          o = check(source, name, kind, i, TypeKind.BIGINT);
          break;
        case "_timestamp":
          t = check(source, name, kind, i, TypeKind.TIMESTAMP);
          break;
        case "_key":
          k = check(source, name, kind, i, TypeKind.VARCHAR);
          break;
        default:
          if (kind == TypeKind.INTERVAL) {
            throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "column " + name
                + " of KAFKA source " + source + " is an INTERVAL, which the Kafka formats do "
                + "not read; use BIGINT (microseconds) or VARCHAR");
          }
          cols.add(i);
          break;
      }
    }
    partition = p;
    offset = o;
    timestamp = t;
    key = k;
    payload = cols.stream().mapToInt(Integer::intValue).toArray();
  }

  private SourceLayout(String[] names, int[] payload) {
    this.partition = -1;
    this.offset = -1;
    this.timestamp = -1;
    this.key = -1;
    this.names = names;
    this.payload = payload;
  }

  /**
   * The layout whose payload is some of these columns and that fills no metadata columns: the
   * key columns that a record key decodes into.
   *
   * @param columns the column indexes
   * @return the layout
   */
  SourceLayout only(int[] columns) {
    return new SourceLayout(names, columns.clone());
  }

  private static int check(String source, String name, TypeKind kind, int index,
      TypeKind... accepted) {
    for (TypeKind a : accepted) {
      if (a == kind) {
        return index;
      }
    }
    throw new LaminarDBException(ErrorCode.DATATYPE_MISMATCH, "metadata column " + name
        + " of KAFKA source " + source + " must be of type " + accepted[0]
        + (accepted.length > 1 ? " or " + accepted[1] : "") + ", not " + kind);
  }
}
