package org.laminardb.core.testing;

import static org.laminardb.core.testing.TestRows.BIGINT;
import static org.laminardb.core.testing.TestRows.TIMESTAMP;
import static org.laminardb.core.testing.TestRows.VARCHAR;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.List;
import org.laminardb.core.operator.AggregateKind;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.EmitStrategy;
import org.laminardb.core.operator.WindowOperator;
import org.laminardb.core.operator.WindowOperators;
import org.laminardb.core.operator.WindowSpec;
import org.laminardb.core.type.Schema;

/**
 * The windowed aggregation the window operator tests share: input {@link #IN} (k VARCHAR, ts
 * TIMESTAMP, v BIGINT) grouped by k and the window ({@link #GROUPS}) computing COUNT(*) and SUM(v)
 * ({@link #AGGS}) into {@link #OUT} (k, window_start, window_end, COUNT(*), SUM(v)).
 */
public final class WindowFixture {
  /** Input (k VARCHAR, ts TIMESTAMP, v BIGINT); column 1 is the event time. */
  public static final Schema IN = schema(VARCHAR, TIMESTAMP, BIGINT);
  /** Output (k, window_start, window_end, COUNT(*), SUM(v)). */
  public static final Schema OUT = schema(VARCHAR, TIMESTAMP, TIMESTAMP, BIGINT, BIGINT);
  /** Group columns of {@link #OUT}: k, window start, window end (do not modify). */
  public static final int[] GROUPS = {0, WindowSpec.START, WindowSpec.END};
  /** COUNT(*) and SUM(v). */
  public static final List<AggregateSpec> AGGS = List.of(
      AggregateSpec.countStar(), AggregateSpec.of(AggregateKind.SUM, 2, BIGINT));
  /** EMIT ON WINDOW CLOSE without lateness. */
  public static final EmitStrategy ON_CLOSE =
      new EmitStrategy(EmitStrategy.EmitKind.ON_WINDOW_CLOSE, 0, 0);
  /** EMIT ON UPDATE without lateness. */
  public static final EmitStrategy ON_UPDATE =
      new EmitStrategy(EmitStrategy.EmitKind.ON_UPDATE, 0, 0);

  private WindowFixture() {}

  /**
   * The operator of this aggregation ({@link WindowOperators#create}) for a window and EMIT mode.
   *
   * @param window the window
   * @param emit when results are emitted
   * @param out the downstream consumer
   * @param late the consumer of late rows, or null to drop them
   * @param chunkSize rows per output chunk
   * @return the operator
   */
  public static WindowOperator create(WindowSpec window, EmitStrategy emit, ChunkConsumer out,
      ChunkConsumer late, int chunkSize) {
    return WindowOperators.create(IN, 1, window, GROUPS, AGGS, OUT, emit, out, late, chunkSize);
  }
}
