package org.laminardb.connector.kafka;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.TypeKind;

/**
 * Format {@code upsert} of a source with a PRIMARY KEY: what the KAFKA sink's {@code format =
 * 'upsert'} writes. A record with a value is the current row of its key: the value is decoded
 * by the row format ({@code json}, or {@code avro} with {@code encode = 'avro'}) and the
 * source's primary key makes it replace the row with the same key; the record key is not read
 * (the value wins, it holds the key columns too). A record without a value (a tombstone) deletes
 * the row of its key: the record key is decoded by the key format (a JSON object of the key
 * columns, or an Avro record of them) into the key columns, and a {@code DELETE} row is written
 * (the other columns are NULL, or a placeholder in NOT NULL columns: only the key columns of a
 * delete are read). A tombstone without a key, or whose key does not decode into every key
 * column, is a bad record. Consumer thread only.
 */
final class UpsertRecordDecoder implements RecordDecoder {
  private final RecordDecoder values;
  private final RecordDecoder keys;
  private final SourceLayout layout;
  /** Whether each column is a key column. */
  private final boolean[] isKey;

  /**
   * Creates the decoder.
   *
   * @param layout the source's columns
   * @param primaryKey the source's primary key columns
   * @param values decoder of record values (rows) into the payload columns
   * @param keys decoder of record keys into the key columns (a decoder over {@link
   *     SourceLayout#only the key columns})
   */
  UpsertRecordDecoder(SourceLayout layout, int[] primaryKey, RecordDecoder values,
      RecordDecoder keys) {
    this.layout = layout;
    this.values = values;
    this.keys = keys;
    this.isKey = new boolean[layout.names.length];
    for (int k : primaryKey) {
      isKey[k] = true;
    }
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    decode(null, value, chunk, row);
  }

  @Override
  public void decode(byte[] key, byte[] value, Chunk chunk, int row) {
    if (value != null) {
      chunk.kinds[row] = RowKind.INSERT;
      values.decode(value, chunk, row);
      return;
    }
    if (key == null) {
      throw new BadRecordException("a tombstone (no value) without a key: format upsert "
          + "deletes the row of the tombstone's key");
    }
    chunk.kinds[row] = RowKind.DELETE;
    try {
      keys.decode(key, chunk, row);
    } catch (BadRecordException e) {
      throw new BadRecordException("the key of a tombstone does not decode into the key "
          + "columns: " + e.getMessage());
    }
    for (int c : layout.payload) {
      if (!isKey[c]) {
        placeholder(chunk.columns[c], row);
      }
    }
  }

  /** NULL, or for a NOT NULL column a value that no one reads (deletes read their key only). */
  private static void placeholder(Column c, int row) {
    if (c.type.nullable()) {
      c.setNull(row);
    } else if (c.longs != null) {
      c.longs[row] = 0;
    } else if (c.doubles != null) {
      c.doubles[row] = 0;
    } else {
      c.strings[row] = c.type.kind() == TypeKind.VARCHAR ? "" : "0";
    }
  }
}
