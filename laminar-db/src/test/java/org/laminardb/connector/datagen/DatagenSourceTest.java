package org.laminardb.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.connector.datagen.GeneratedRows.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.spi.SourceContext;

class DatagenSourceTest {
  private static final Schema SCHEMA = schema("id", TypeKind.BIGINT, "ts", TypeKind.TIMESTAMP);
  private final List<SourceConnector> started = new ArrayList<>();

  @AfterEach
  void closeSources() {
    started.forEach(SourceConnector::close);
  }

  private static DatagenConnectorFactory factory() {
    for (SourceConnectorFactory f : ServiceLoader.load(SourceConnectorFactory.class)) {
      if (f.name().equals("DATAGEN")) {
        return (DatagenConnectorFactory) f;
      }
    }
    throw new AssertionError("DATAGEN factory is not registered as a service");
  }

  private SourceConnector start(Context context) {
    SourceConnector c = factory().create(context);
    started.add(c);
    c.start();
    return c;
  }

  private static long drain(ChunkChannel channel, List<Long> ids) {
    long rows = 0;
    Chunk c;
    while ((c = channel.poll()) != null) {
      for (int r = 0; r < c.size; r++) {
        ids.add(c.columns[0].longs[r]);
      }
      rows += c.size;
      channel.release(c);
    }
    return rows;
  }

  private static Thread threadNamed(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return t;
      }
    }
    return null;
  }

  @Test
  void boundedSourceWritesAllRowsThenEnds() throws Exception {
    Context ctx = new Context("bounded", SCHEMA, Map.of("rows_per_second", "0",
        "number_of_rows", "5000", "fields.id.kind", "sequence"), 8);
    start(ctx);
    List<Long> ids = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (ids.size() < 5000 && System.nanoTime() < deadline) {
      drain(ctx.channel, ids);
    }
    assertThat(ids).hasSize(5000);
    assertThat(ids.get(0)).isEqualTo(1L);
    assertThat(ids.get(4999)).isEqualTo(5000L);
    Thread t = threadNamed("datagen-bounded");
    if (t != null) {
      t.join(5_000);
      assertThat(t.isAlive()).isFalse();
    }
    assertThat(ctx.errors).isEmpty();
  }

  @Test
  void throttledSourceKeepsToTheRateAndFlushesEachRow() throws Exception {
    Context ctx = new Context("slow", SCHEMA, Map.of("rows_per_second", "20"), 8);
    start(ctx);
    List<Long> ids = new ArrayList<>();
    long first = -1;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_000);
    while (System.nanoTime() < end) {
      drain(ctx.channel, ids);
      if (first < 0 && !ids.isEmpty()) {
        first = System.nanoTime();
      }
      Thread.sleep(5);
    }
    assertThat(ids.size()).isBetween(10, 30);
    assertThat(threadNamed("datagen-slow")).isNotNull().matches(Thread::isDaemon);
  }

  @Test
  void closeStopsAnUnboundedSourcePromptly() {
    Context ctx = new Context("fast", SCHEMA, Map.of("rows_per_second", "0"), 4);
    SourceConnector c = start(ctx);
    List<Long> ids = new ArrayList<>();
    while (ids.size() < 10_000) {
      drain(ctx.channel, ids);
    }
    long t0 = System.nanoTime();
    c.close();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2_000);
    assertThat(threadNamed("datagen-fast")).isNull();
    assertThat(ctx.errors).isEmpty();
  }

  @Test
  void closeStopsASourceBlockedOnBackPressure() throws Exception {
    Context ctx = new Context("blocked", SCHEMA, Map.of("rows_per_second", "0"), 2);
    SourceConnector c = start(ctx);
    Thread.sleep(200);
    long t0 = System.nanoTime();
    c.close();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(3_000);
    assertThat(threadNamed("datagen-blocked")).isNull();
    assertThat(ctx.errors).isEmpty();
  }

  @Test
  void failureIsReportedToTheContext() throws Exception {
    Schema narrow = schema("id", TypeKind.BIGINT);
    Context ctx = new Context("broken", SCHEMA, Map.of(), new ChunkChannel(narrow, 2, 4));
    start(ctx);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ctx.errors.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ctx.errors).hasSize(1);
  }

  /** Source context over a channel, recording reported errors. */
  private static final class Context implements SourceContext {
    final String name;
    final Schema schema;
    final Map<String, String> options;
    final ChunkChannel channel;
    final ChunkWriter writer;
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    Context(String name, Schema schema, Map<String, String> options, int chunks) {
      this(name, schema, options, new ChunkChannel(schema, chunks, 256));
    }

    Context(String name, Schema schema, Map<String, String> options, ChunkChannel channel) {
      this.name = name;
      this.schema = schema;
      this.options = options;
      this.channel = channel;
      this.writer = new ChunkWriter(channel);
    }

    @Override
    public String sourceName() {
      return name;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public Map<String, String> options() {
      return options;
    }

    @Override
    public ChunkWriter writer() {
      return writer;
    }

    @Override
    public void reportError(Throwable error) {
      errors.add(error);
    }
  }
}
