package org.laminardb.connector.kafka;

import org.laminardb.core.chunk.Chunk;

/**
 * Decoder of a Kafka record value in one format into the payload columns of a row. One per
 * source, used on its consumer thread only.
 */
interface RecordDecoder {
  /**
   * Writes the payload columns of a row (the writer's row being filled).
   *
   * @param value the record value, or null (a tombstone)
   * @param chunk the chunk being filled
   * @param row the row
   * @throws BadRecordException if the value is malformed or does not fit the columns
   */
  void decode(byte[] value, Chunk chunk, int row);

  /**
   * Writes the payload columns of a row from a record's key and value. Formats that read the
   * value only (all but {@code upsert}) ignore the key.
   *
   * @param key the record key, or null
   * @param value the record value, or null (a tombstone)
   * @param chunk the chunk being filled
   * @param row the row
   * @throws BadRecordException if the record is malformed or does not fit the columns
   */
  default void decode(byte[] key, byte[] value, Chunk chunk, int row) {
    decode(value, chunk, row);
  }

  /**
   * Whether records without a value (tombstones) are no change and skipped, rather than bad
   * records: Debezium follows each delete with one.
   *
   * @return true for the change-event formats
   */
  default boolean skipsTombstones() {
    return false;
  }
}
