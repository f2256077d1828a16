package org.laminardb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.TransactionalSinkConnector;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.testing.TestSchemas;

/** The two-phase commit that a sink's thread drives. */
class SinkRuntimeTest {
  private static final Schema SCHEMA = TestSchemas.of("id", TypeKind.BIGINT);

  /** Records the calls it gets. */
  static class Recording implements TransactionalSinkConnector {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void recover(long committedEpoch, String state) {
      calls.add("recover " + committedEpoch + " " + state);
    }

    @Override
    public void begin(long epoch) {
      calls.add("begin " + epoch);
    }

    @Override
    public void write(Chunk chunk) {
      calls.add("write " + chunk.size);
    }

    @Override
    public String preCommit(long epoch) {
      calls.add("preCommit " + epoch);
      return "s" + epoch;
    }

    @Override
    public void commit(long epoch) {
      calls.add("commit " + epoch);
    }

    @Override
    public void abort(long epoch) {
      calls.add("abort " + epoch);
    }

    @Override
    public void close() {
      calls.add("close");
    }
  }

  @Test
  void shouldEndTheOpenEpochAtAnyLaterBarrierAndCommitEveryPreCommittedEpoch() throws Exception {
    Recording connector = new Recording();
    RelationRuntime owner = new RelationRuntime("s", RelationKind.SINK, SCHEMA, "CREATE SINK s",
        true, List.of(), null);
    SinkRuntime sink = new SinkRuntime("s", new ChunkChannel(SCHEMA, 4, 8), connector, owner,
        new Checkpointer.SinkRecovery(2, "old", 3));
    sink.start();
    try {
      // Began epoch 3 while checkpoint 3 (which it was not part of) ran; the next barrier is 4.
      assertThat(sink.barrier(4).get(10, TimeUnit.SECONDS)).isEqualTo("s3");
      // A checkpoint that failed after its barrier: epoch 5 is pre-committed, never committed.
      assertThat(sink.barrier(6).get(10, TimeUnit.SECONDS)).isEqualTo("s5");
      assertThat(sink.barrier(7).get(10, TimeUnit.SECONDS)).isEqualTo("s7");
      sink.commit(7).get(10, TimeUnit.SECONDS);
    } finally {
      sink.close();
    }
    assertThat(connector.calls).containsExactly("recover 2 old", "begin 3", "preCommit 3",
        "begin 5", "preCommit 5", "begin 7", "preCommit 7", "begin 8", "commit 3", "commit 5",
        "commit 7", "close");
  }

  @Test
  void shouldEndTheEpochBeforeRowsPublishedAfterItsBarrierWhileTheThreadWasAboutToPoll()
      throws Exception {
    Recording connector = new Recording();
    RelationRuntime owner = new RelationRuntime("s", RelationKind.SINK, SCHEMA, "CREATE SINK s",
        true, List.of(), null);
    SinkRuntime sink = new SinkRuntime("s", new ChunkChannel(SCHEMA, 4, 8), connector, owner,
        new Checkpointer.SinkRecovery(0, null, 1));
    Chunk rows = new Chunk(SCHEMA, 8);
    rows.size = 3;
    AtomicBoolean armed = new AtomicBoolean();
    CompletableFuture<CompletableFuture<String>> barrier = new CompletableFuture<>();
    // As the reactor would, right after the thread looked for barriers and before it polls: a
    // checkpoint's barrier, then rows computed after the checkpoint's cut.
    sink.beforePoll(() -> {
      if (armed.compareAndSet(true, false)) {
        barrier.complete(sink.barrier(1));
        sink.forwarder().onChunk(rows);
      }
    });
    sink.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!connector.calls.contains("begin 1") && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      armed.set(true);
      assertThat(barrier.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isEqualTo("s1");
      sink.commit(1).get(10, TimeUnit.SECONDS);
    } finally {
      sink.close();
    }
    // The rows belong to epoch 2: in epoch 1 they would be committed with checkpoint 1, and
    // recovery from it would produce them again from the log after its cut.
    assertThat(connector.calls).containsExactly("recover 0 null", "begin 1", "preCommit 1",
        "begin 2", "write 3", "commit 1", "close");
  }

  @Test
  void shouldFailTheCheckpointOfASinkThatFailedSoThatItsDroppedRowsAreReplayed()
      throws Exception {
    Recording connector = new Recording() {
      @Override
      public void write(Chunk chunk) {
        throw new IllegalStateException("the external system refused the rows");
      }
    };
    RelationRuntime owner = new RelationRuntime("s", RelationKind.SINK, SCHEMA, "CREATE SINK s",
        true, List.of(), null);
    SinkRuntime sink = new SinkRuntime("s", new ChunkChannel(SCHEMA, 4, 8), connector, owner,
        new Checkpointer.SinkRecovery(0, null, 1));
    sink.start();
    try {
      Chunk rows = new Chunk(SCHEMA, 8);
      rows.size = 2;
      sink.forwarder().onChunk(rows);
      // The barrier comes after the rows the failed sink dropped: no checkpoint may pass them.
      assertThatThrownBy(() -> sink.barrier(1).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("the external system refused the rows");
      assertThatThrownBy(() -> SinkRuntime.awaitPreCommits(java.util.Map.of(sink,
          sink.barrier(2)), 10)).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("sink s did not pre-commit");
    } finally {
      sink.close();
    }
    assertThat(connector.calls).doesNotContain("preCommit 1");
  }
}
