package org.laminardb.core.operator;

import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * Processing-time temporal join ({@code stream JOIN t FOR SYSTEM_TIME AS OF PROCTIME()}): joins
 * each row of an append-only stream (the left input) with the rows the table side (the right
 * input, a changelog: a table or a materialized view) holds for its key at the moment the stream
 * row is processed. Only stream rows emit: a change on the table side is applied to the stored
 * rows and emits nothing, and nothing emitted is ever retracted (unlike {@link JoinOperator},
 * which keeps both sides and re-joins on every change). {@link JoinKind#INNER} drops a stream
 * row without a match, {@link JoinKind#LEFT} pads it with NULLs; a stream row matching several
 * table rows emits one row per match. Rows with a NULL key match nothing. Output columns: the
 * stream's, then the table's. The output watermark is the stream's (the table side's watermarks
 * are ignored).
 *
 * <p>Design notes. The table side is stored like one input of {@link JoinOperator} (a {@link
 * JoinSide}: a slot per row chained from its key's id); a retraction removes one stored row equal
 * to it in every column (one without a stored row is ignored and counted). The stream side is not
 * stored. State: the table side's current rows.
 *
 * <p>Garbage free in steady state. Single-threaded: owned by one reactor thread.
 */
public final class ProcTimeTemporalJoinOperator {
  private final JoinKind kind;
  private final int[] streamKeys;
  private final KeyEncoder probe;
  private final LongKeyTable keys;
  private final long[] key;
  private final JoinSide table;
  private final JoinOutput output;
  private final ChunkConsumer downstream;
  private final ChunkConsumer streamInput;
  private final ChunkConsumer tableInput;
  private long ignored;

  /**
   * Creates the operator.
   *
   * @param stream schema of the stream (left) input
   * @param streamKeys its key columns
   * @param tableSchema schema of the table (right) input
   * @param tableKeys its key columns, pairwise equal to the stream's, stored alike
   * @param kind INNER or LEFT
   * @param output output schema: the stream's columns, then the table's
   * @param downstream receiver of the output rows and watermarks
   * @param chunkCapacity rows per output chunk
   */
  public ProcTimeTemporalJoinOperator(Schema stream, int[] streamKeys, Schema tableSchema,
      int[] tableKeys, JoinKind kind, Schema output, ChunkConsumer downstream,
      int chunkCapacity) {
    OperatorChecks.requireCapacity(chunkCapacity);
    JoinOperator.checkKeys(stream, streamKeys, tableSchema, tableKeys);
    JoinOperator.checkOutput(stream, tableSchema, output);
    if (kind != JoinKind.INNER && kind != JoinKind.LEFT) {
      throw new IllegalArgumentException("a temporal join is INNER or LEFT: kind=" + kind);
    }
    this.kind = kind;
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    StringDictionary dictionary = new StringDictionary();
    this.streamKeys = streamKeys.clone();
    this.probe = new KeyEncoder(stream, streamKeys, dictionary);
    this.table = new JoinSide(tableSchema, tableKeys, false, dictionary);
    this.keys = new LongKeyTable(probe.width());
    this.key = new long[probe.width()];
    this.output = new JoinOutput(stream, output, downstream, chunkCapacity);
    this.streamInput = new StreamInput();
    this.tableInput = new TableInput();
  }

  /**
   * The consumer of the stream's rows and watermarks.
   *
   * @return the stream input
   */
  public ChunkConsumer stream() {
    return streamInput;
  }

  /**
   * The consumer of the table side's changelog (its watermarks are ignored).
   *
   * @return the table input
   */
  public ChunkConsumer table() {
    return tableInput;
  }

  /**
   * Rows the table side currently holds.
   *
   * @return the row count
   */
  public int storedRows() {
    return table.rows.size();
  }

  /**
   * Retractions on the table side of rows that were not stored, which were ignored.
   *
   * @return the count
   */
  public long ignoredRetractions() {
    return ignored;
  }

  private void onStream(Chunk in) {
    for (int r = 0; r < in.size; r++) {
      int matches = 0;
      if (!KeyedJoinRows.nullKey(in, r, streamKeys)) {
        int id = probe.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
        for (int c = id < 0 ? -1 : table.head[id]; c >= 0; c = table.next[c]) {
          output.pair(output.out, output.next(in.kinds[r]), 0, in, r, table, c);
          matches++;
        }
      }
      if (matches == 0 && kind == JoinKind.LEFT) {
        output.padded(output.next(in.kinds[r]), 0, in, r);
      }
    }
    output.flush();
  }

  private void onTable(Chunk in) {
    for (int r = 0; r < in.size; r++) {
      if (table.nullKey(in, r)) {
        continue;
      }
      if (RowKind.weight(in.kinds[r]) > 0) {
        table.encoder.encode(in, r, key, 0);
        int id = keys.getOrAdd(key, 0);
        if (keys.lastAdded()) {
          table.encoder.retain(keys, id);
          table.ensureKeys(keys.idLimit());
        }
        table.add(in, r, id, 0);
        continue;
      }
      int id = table.encoder.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
      int slot = id < 0 ? -1 : table.unlink(id, in, r);
      if (slot < 0) {
        ignored++;
        continue;
      }
      table.rows.free(slot);
      if (table.head[id] < 0) {
        table.encoder.release(keys, id);
        keys.remove(id);
      }
    }
  }

  /** The stream side: rows join, watermarks pass. */
  private final class StreamInput implements ChunkConsumer {
    @Override
    public void onChunk(Chunk chunk) {
      onStream(chunk);
    }

    @Override
    public void onWatermark(long wm) {
      downstream.onWatermark(wm);
    }
  }

  /** The table side: changes are stored, nothing is emitted; watermarks are ignored. */
  private final class TableInput implements ChunkConsumer {
    @Override
    public void onChunk(Chunk chunk) {
      onTable(chunk);
    }
  }
}
