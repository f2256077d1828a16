package org.laminardb.storage.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reader of an encoded state graph from a stream of known length, through a
 * buffer, so that a graph may be larger than one array (2 GiB). Reading past the length throws
 * {@link BufferUnderflowException}.
 */
final class StateInput {
  private static final int BUFFER = 1 << 20;

  private final InputStream source;
  private final ByteBuffer buf;
  /** Bytes not yet pulled from the source. */
  private long unread;

  StateInput(InputStream source, long length) {
    this.source = source;
    this.unread = length;
    this.buf = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(16, length)))
        .order(ByteOrder.LITTLE_ENDIAN);
    buf.limit(0);
  }

  /** Bytes left to read. */
  long remaining() {
    return unread + buf.remaining();
  }

  /** Makes at least {@code n} bytes (at most the buffer's capacity) available in the buffer. */
  private void need(int n) {
    if (buf.remaining() >= n) {
      return;
    }
    if (remaining() < n) {
      throw new BufferUnderflowException();
    }
    buf.compact();
    try {
      while (buf.hasRemaining() && unread > 0) { // fill the buffer: files answer at once
        int want = (int) Math.min(buf.remaining(), unread);
        int got = source.read(buf.array(), buf.arrayOffset() + buf.position(), want);
        if (got < 0) {
          throw new BufferUnderflowException();
        }
        buf.position(buf.position() + got);
        unread -= got;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buf.flip();
  }

  byte get() {
    need(1);
    return buf.get();
  }

  int getInt() {
    need(4);
    return buf.getInt();
  }

  long getLong() {
    need(8);
    return buf.getLong();
  }

  void get(byte[] dst) {
    for (int off = 0; off < dst.length;) {
      need(1);
      int n = Math.min(buf.remaining(), dst.length - off);
      buf.get(dst, off, n);
      off += n;
    }
  }

  String string(int length) {
    byte[] b = new byte[length];
    get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  void longs(long[] dst) {
    for (int off = 0; off < dst.length;) {
      need(8);
      int n = Math.min(buf.remaining() / 8, dst.length - off);
      buf.asLongBuffer().get(dst, off, n);
      buf.position(buf.position() + n * 8);
      off += n;
    }
  }

  void ints(int[] dst) {
    for (int off = 0; off < dst.length;) {
      need(4);
      int n = Math.min(buf.remaining() / 4, dst.length - off);
      buf.asIntBuffer().get(dst, off, n);
      buf.position(buf.position() + n * 4);
      off += n;
    }
  }

  void doubles(double[] dst) {
    for (int off = 0; off < dst.length;) {
      need(8);
      int n = Math.min(buf.remaining() / 8, dst.length - off);
      buf.asDoubleBuffer().get(dst, off, n);
      buf.position(buf.position() + n * 8);
      off += n;
    }
  }

  void floats(float[] dst) {
    for (int off = 0; off < dst.length;) {
      need(4);
      int n = Math.min(buf.remaining() / 4, dst.length - off);
      buf.asFloatBuffer().get(dst, off, n);
      buf.position(buf.position() + n * 4);
      off += n;
    }
  }

  void shorts(short[] dst) {
    for (int off = 0; off < dst.length;) {
      need(2);
      int n = Math.min(buf.remaining() / 2, dst.length - off);
      buf.asShortBuffer().get(dst, off, n);
      buf.position(buf.position() + n * 2);
      off += n;
    }
  }

  void chars(char[] dst) {
    for (int off = 0; off < dst.length;) {
      need(2);
      int n = Math.min(buf.remaining() / 2, dst.length - off);
      buf.asCharBuffer().get(dst, off, n);
      buf.position(buf.position() + n * 2);
      off += n;
    }
  }
}
