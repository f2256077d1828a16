package org.laminardb.core.operator;

import java.util.List;
import java.util.Objects;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/** Creates the window aggregation operator for a {@link WindowSpec}. */
public final class WindowOperators {
  private WindowOperators() {}

  /**
   * Creates a window aggregation: a {@link SessionWindowOperator} for SESSION windows, else a
   * {@link WindowAggregateOperator}.
   *
   * @param input schema of the append-only input (INSERT rows only)
   * @param timeColumn input column of the event time (TIMESTAMP, microseconds since the epoch)
   * @param window the windows
   * @param groupColumns the output's group columns in output order: an input column index (a
   *     grouping key; for SESSION the keys partition the sessions), or {@link WindowSpec#START},
   *     {@link WindowSpec#END}, {@link WindowSpec#TIME}
   * @param aggs the aggregate calls, in output order
   * @param output output schema: the group columns, then one column per aggregate
   * @param emit when to emit and the allowed lateness
   * @param downstream receiver of the results
   * @param lateOutput receiver of late rows and rows with a NULL event time (the input's
   *     columns), or null to drop them
   * @param chunkCapacity rows per output chunk
   * @return the operator
   * @throws IllegalArgumentException if a column or the output schema does not fit
   */
  public static WindowOperator create(Schema input, int timeColumn, WindowSpec window,
      int[] groupColumns, List<AggregateSpec> aggs, Schema output, EmitStrategy emit,
      ChunkConsumer downstream, ChunkConsumer lateOutput, int chunkCapacity) {
    if (window.kind() == WindowKind.SESSION) {
      return new SessionWindowOperator(input, timeColumn, window, groupColumns, aggs, output,
          emit, downstream, lateOutput, chunkCapacity);
    }
    return new WindowAggregateOperator(input, timeColumn, window, groupColumns, aggs, output,
        emit, downstream, lateOutput, chunkCapacity);
  }

  /**
   * Checks the arguments common to the window aggregation operators: non-null window, emit and
   * downstream, a window of the operator's kind, a TIMESTAMP time column, a positive capacity.
   */
  static void requireArguments(Schema input, int timeColumn, WindowSpec window, boolean session,
      EmitStrategy emit, ChunkConsumer downstream, int chunkCapacity) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(emit, "emit");
    Objects.requireNonNull(downstream, "downstream");
    if ((window.kind() == WindowKind.SESSION) != session) {
      throw new IllegalArgumentException(session
          ? "not a session window: " + window.describe()
          : "session windows need a SessionWindowOperator");
    }
    requireTimeColumn(input, timeColumn);
    OperatorChecks.requireCapacity(chunkCapacity);
  }

  static void requireTimeColumn(Schema input, int timeColumn) {
    OperatorChecks.requireColumn(input, timeColumn, "timeColumn");
    if (input.field(timeColumn).type().physical() != PhysicalKind.LONG) {
      throw new IllegalArgumentException("the event time column must be a TIMESTAMP: "
          + input.field(timeColumn).type());
    }
  }
}
