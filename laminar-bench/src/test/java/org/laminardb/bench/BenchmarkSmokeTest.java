package org.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.laminardb.IdleStrategyKind;
import org.laminardb.core.chunk.Chunk;

/** Runs each benchmark's set-up and a few invocations, checking that they measure real work. */
class BenchmarkSmokeTest {
  @Test
  void stateLookupFindsEveryKey() {
    StateLookupBenchmark b = new StateLookupBenchmark();
    b.keys = 1000;
    b.setUp();
    for (int i = 0; i < 10_000; i++) {
      int next = b.next;
      int id = b.get();
      b.next = next;
      assertThat(b.baselineInlineKeyGet()).isEqualTo(id).isBetween(0, 999);
      assertThat(b.get()).isBetween(0, 999);
      assertThat(b.getOrAdd()).isBetween(0, 999);
      assertThat(b.getKeyArray()).isBetween(0, 999);
      assertThat(b.getOrAddKeyArray()).isBetween(0, 999);
    }
  }

  @Test
  void joinEmitsOneRowPerInputRowAndKeepsItsState() {
    JoinBenchmark.OperatorState s = new JoinBenchmark.OperatorState();
    s.keys = 1000;
    s.kind = org.laminardb.core.operator.JoinKind.LEFT;
    s.setUp();
    new JoinBenchmark().insertAndRetract(s);
    assertThat(s.outputRows).isEqualTo(2 * 16 * 1024);
    assertThat(s.operator.storedRows(0)).isZero();
    assertThat(s.operator.storedRows(1)).isEqualTo(1000);
  }

  @Test
  void groupByOperatorUpdatesExistingGroups() {
    for (int chunkRows : new int[] {1024, 16384}) {
      GroupByBenchmark.OperatorState s = new GroupByBenchmark.OperatorState();
      s.keys = 1000;
      s.chunkRows = chunkRows;
      s.setUp();
      long before = s.changelogRows;
      new GroupByBenchmark().operator(s);
      assertThat(s.operator.groupCount()).isEqualTo(1000);
      // Every chunk updates each group it touches with a -U/+U pair: 16 chunks of 1024 rows touch
      // about 640 groups each, one chunk of 16384 rows touches all 1000.
      long expected = chunkRows == 1024 ? 16 * 2 * 640 : 2 * 1000;
      assertThat(s.changelogRows - before).isBetween(expected * 9 / 10, expected * 11 / 10);
    }
  }

  @Test
  void filterProjectOperatorMatchesHandWrittenLoop() {
    FilterProjectBenchmark b = new FilterProjectBenchmark();
    FilterProjectBenchmark.OperatorState op = new FilterProjectBenchmark.OperatorState();
    op.setUp();
    FilterProjectBenchmark.HandWrittenState hand = new FilterProjectBenchmark.HandWrittenState();
    hand.setUp();
    long expected = 0;
    for (int i = 0; i < 100; i++) {
      expected += b.handWritten(hand);
      b.operator(op);
    }
    assertThat(expected).isEqualTo(op.input.passingSoFar()).isBetween(40_000L, 60_000L);
    assertThat(op.outputRows).isEqualTo(expected);
    op.checkOutput();
  }

  @Test
  void filterProjectEndToEndSeesEveryPassingRow() {
    FilterProjectBenchmark.EngineState s = new FilterProjectBenchmark.EngineState();
    s.idle = IdleStrategyKind.BACKOFF;
    s.setUp();
    try {
      new FilterProjectBenchmark().endToEnd(s);
      new FilterProjectBenchmark().endToEnd(s);
      assertThat(s.listener.progress().get()).isEqualTo(2 * s.passingPerInvocation);
    } finally {
      s.tearDown();
    }
  }

  @Test
  void groupByEndToEndCountsEveryRow() {
    GroupByBenchmark.EngineState s = new GroupByBenchmark.EngineState();
    s.groups = 1000;
    s.idle = IdleStrategyKind.BACKOFF;
    s.setUp();
    try {
      long total = new GroupByBenchmark().endToEnd(s);
      assertThat(s.listener.progress().get()).isEqualTo(total).isEqualTo(2L << 16);
    } finally {
      s.tearDown();
    }
  }

  @Test
  void inputsAreDeterministic() {
    Chunk a = Inputs.chunks(1, 10, 5)[0];
    Chunk b = Inputs.chunks(1, 10, 5)[0];
    assertThat(a.columns[0].longs).isEqualTo(b.columns[0].longs);
    assertThat(a.columns[1].doubles).isEqualTo(b.columns[1].doubles);
    assertThat(a.size).isEqualTo(Inputs.CHUNK_ROWS);
  }
}
