package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.Schema;

class ProcTimeTemporalJoinOperatorTest {
  private static final byte I = RowKind.INSERT;
  private static final byte UB = RowKind.UPDATE_BEFORE;
  private static final byte UA = RowKind.UPDATE_AFTER;
  private static final byte D = RowKind.DELETE;
  private static final Schema STREAM = schema(TestRows.VARCHAR, TestRows.BIGINT);
  private static final Schema TABLE = schema(TestRows.VARCHAR, TestRows.BIGINT);
  private static final Schema OUT = schema(TestRows.VARCHAR, TestRows.BIGINT, TestRows.VARCHAR,
      TestRows.BIGINT);

  private final TestRows.Collector out = new TestRows.Collector();

  private ProcTimeTemporalJoinOperator join(JoinKind kind) {
    return new ProcTimeTemporalJoinOperator(STREAM, new int[] {0}, TABLE, new int[] {0}, kind,
        OUT, out, 4);
  }

  @Test
  void shouldJoinTheCurrentRowsAndEmitOnlyOnStreamRows() {
    ProcTimeTemporalJoinOperator j = join(JoinKind.LEFT);
    j.table().onChunk(chunk(TABLE, row(I, "a", 1), row(I, "b", 2)));
    assertThat(out.take()).isEmpty();
    j.stream().onChunk(chunk(STREAM, row(I, "a", 10), row(I, "c", 11), row(I, null, 12)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 10, "a", 1),
        expect("+I", "c", 11, null, null), expect("+I", null, 12, null, null));
    j.table().onChunk(chunk(TABLE, row(UB, "a", 1), row(UA, "a", 5), row(D, "b", 2),
        row(D, "z", 9)));
    assertThat(out.take()).isEmpty();
    assertThat(j.ignoredRetractions()).isEqualTo(1);
    j.stream().onChunk(chunk(STREAM, row(I, "a", 13), row(I, "b", 14)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 13, "a", 5),
        expect("+I", "b", 14, null, null));
    assertThat(j.storedRows()).isEqualTo(1);
  }

  @Test
  void shouldEmitOneRowPerMatchAndForwardOnlyTheStreamsWatermark() {
    ProcTimeTemporalJoinOperator j = join(JoinKind.INNER);
    j.table().onChunk(chunk(TABLE, row(I, "a", 1), row(I, "a", 2)));
    j.table().onWatermark(500);
    j.stream().onChunk(chunk(STREAM, row(I, "a", 10), row(I, "x", 11)));
    j.stream().onWatermark(100);
    assertThat(out.take()).hasSize(2);
    assertThat(out.watermarks).containsExactly(100L);
  }
}
