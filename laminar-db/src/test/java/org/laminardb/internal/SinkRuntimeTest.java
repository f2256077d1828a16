package org.laminardb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.spi.TransactionalSinkConnector;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.testing.TestSchemas;

/** The two-phase commit that a sink's thread drives. */
class SinkRuntimeTest {
  private static final Schema SCHEMA = TestSchemas.of("id", TypeKind.BIGINT);

  /** Records the calls it gets. */
  static final class Recording implements TransactionalSinkConnector {
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
}
