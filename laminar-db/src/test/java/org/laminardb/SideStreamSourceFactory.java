package org.laminardb;

import java.util.List;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.spi.SourceContext;

/**
 * Test source {@code TEST_SIDE}: creates the side stream {@code side (msg VARCHAR)} named by
 * option {@code side} and writes the option {@code msg} into it every 100 ms from a thread of its
 * own until closed; with {@code fail = 'true'} its creation fails after the side stream was
 * asked for.
 */
public final class SideStreamSourceFactory implements SourceConnectorFactory {
  @Override
  public String name() {
    return "TEST_SIDE";
  }

  @Override
  public SourceConnector create(SourceContext context) {
    ChunkWriter side = context.sideStream(context.options().get("side"), new Schema(List.of(
        new Field("msg", DataType.of(TypeKind.VARCHAR)))));
    if ("true".equals(context.options().get("fail"))) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "failing as asked");
    }
    return new SourceConnector() {
      private volatile boolean closed;

      @Override
      public void start() {
        Thread t = new Thread(() -> {
          while (!closed) {
            try {
              Thread.sleep(100);
            } catch (InterruptedException e) {
              return;
            }
            int row = side.beginRow();
            side.chunk().columns[0].strings[row] = context.options().get("msg");
            side.endRow();
            side.flush();
          }
        });
        t.setDaemon(true);
        t.start();
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }
}
