package org.laminardb;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.SinkConnector;
import org.laminardb.spi.SinkConnectorFactory;
import org.laminardb.spi.SinkContext;

/** Test sink {@code TEST_COLLECTOR (name = '...')}: records rows as text in a queue per name. */
public final class CollectingSinkFactory implements SinkConnectorFactory {
  static final Map<String, BlockingQueue<String>> ROWS = new ConcurrentHashMap<>();
  static final Map<String, Boolean> CLOSED = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "TEST_COLLECTOR";
  }

  @Override
  public SinkConnector create(SinkContext context) {
    String name = context.options().get("name");
    if (name == null || context.options().size() != 1) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
          "TEST_COLLECTOR takes exactly one option: name");
    }
    BlockingQueue<String> rows = ROWS.computeIfAbsent(name, n -> new LinkedBlockingQueue<>());
    CLOSED.put(name, false);
    return new SinkConnector() {
      @Override
      public void write(Chunk chunk) {
        for (int r = 0; r < chunk.size; r++) {
          StringBuilder sb = new StringBuilder(RowKind.shortString(chunk.kinds[r]));
          for (int c = 0; c < chunk.columns.length; c++) {
            sb.append(c == 0 ? " " : ",").append(
                org.laminardb.internal.ChunkValues.read(chunk.columns[c], r));
          }
          rows.add(sb.toString());
        }
      }

      @Override
      public void close() {
        CLOSED.put(name, true);
      }
    };
  }
}
