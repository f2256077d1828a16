package org.laminardb.connector.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;

/**
 * Format {@code debezium} of a source with a PRIMARY KEY: the value is a Debezium change event
 * in JSON, {@code {"before": ..., "after": ..., "op": "c"|"r"|"u"|"d"}}, bare or inside {@code
 * {"schema": ..., "payload": {...}}} (the JSON converter with schemas). Creates, snapshot reads
 * and updates write the {@code after} row (the source's primary key makes it replace the row
 * with the same key); a delete writes a delete of the {@code before} row's key. The
 * tombstone Debezium sends after a delete (a null value) is skipped by the source. Members fill
 * columns as in format {@code json}.
 */
final class DebeziumRecordDecoder implements RecordDecoder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonRecordDecoder rows;

  DebeziumRecordDecoder(SourceLayout layout) {
    this.rows = new JsonRecordDecoder(layout);
  }

  @Override
  public boolean skipsTombstones() {
    return true;
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    JsonNode event;
    try {
      event = MAPPER.readTree(value);
    } catch (IOException e) {
      throw new BadRecordException("malformed JSON: " + JsonRecordDecoder.firstLine(
          e.getMessage()));
    }
    if (event != null && event.has("payload") && event.get("payload").isObject()) {
      event = event.get("payload");
    }
    if (event == null || !event.isObject() || !event.hasNonNull("op")) {
      throw new BadRecordException("not a Debezium change event (no \"op\")");
    }
    String op = event.get("op").asText();
    JsonNode image;
    switch (op) {
      case "c":
      case "r":
      case "u":
        image = event.get("after");
        chunk.kinds[row] = RowKind.INSERT;
        break;
      case "d":
        image = event.get("before");
        chunk.kinds[row] = RowKind.DELETE;
        break;
      default:
        throw new BadRecordException("Debezium operation '" + op + "' is not supported "
            + "(supported: c, r, u, d)");
    }
    if (image == null || !image.isObject()) {
      throw new BadRecordException("Debezium event with op '" + op + "' has no "
          + (op.equals("d") ? "\"before\"" : "\"after\"") + " object");
    }
    try (JsonParser p = image.traverse()) {
      p.nextToken();
      rows.readObject(p, chunk, row);
    } catch (IOException e) {
      throw new BadRecordException("malformed JSON: " + JsonRecordDecoder.firstLine(
          e.getMessage()));
    }
  }
}
