package org.laminardb.storage.state;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Little-endian output of an encoded state graph in memory, as a list of segments, so that one
 * object's state may exceed the 2 GiB of a Java array. Primitive arrays are copied in bulk.
 */
public final class StateOutput {
  private static final int SEGMENT = 32 << 20;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, LE);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, LE);

  private final List<byte[]> full = new ArrayList<>();
  private final List<Integer> fullLengths = new ArrayList<>();
  private byte[] buf = new byte[1024];
  private int pos;
  private long flushed;

  /** Creates an empty output. */
  public StateOutput() {
    // the first segment grows from 1 KiB
  }

  /** Room for {@code n} (at most a segment) contiguous bytes in the current segment. */
  private void ensure(int n) {
    if (pos + n <= buf.length) {
      return;
    }
    if (buf.length < SEGMENT) {
      byte[] bigger = new byte[Math.min(SEGMENT, Math.max(buf.length * 2, pos + n))];
      System.arraycopy(buf, 0, bigger, 0, pos);
      buf = bigger;
      if (pos + n <= buf.length) {
        return;
      }
    }
    full.add(buf);
    fullLengths.add(pos);
    flushed += pos;
    buf = new byte[SEGMENT];
    pos = 0;
  }

  /**
   * Bytes written.
   *
   * @return the size
   */
  public long size() {
    return flushed + pos;
  }

  void put(byte b) {
    ensure(1);
    buf[pos++] = b;
  }

  void putInt(int v) {
    ensure(4);
    INT.set(buf, pos, v);
    pos += 4;
  }

  void putLong(long v) {
    ensure(8);
    LONG.set(buf, pos, v);
    pos += 8;
  }

  void put(byte[] b, int off, int len) {
    while (len > 0) {
      ensure(1);
      int n = Math.min(len, buf.length - pos);
      System.arraycopy(b, off, buf, pos, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  void putLongs(long[] a) {
    for (int off = 0; off < a.length;) {
      ensure(8);
      int n = Math.min(a.length - off, (buf.length - pos) / 8);
      ByteBuffer.wrap(buf, pos, n * 8).order(LE).asLongBuffer().put(a, off, n);
      pos += n * 8;
      off += n;
    }
  }

  void putInts(int[] a) {
    for (int off = 0; off < a.length;) {
      ensure(4);
      int n = Math.min(a.length - off, (buf.length - pos) / 4);
      ByteBuffer.wrap(buf, pos, n * 4).order(LE).asIntBuffer().put(a, off, n);
      pos += n * 4;
      off += n;
    }
  }

  void putDoubles(double[] a) {
    for (int off = 0; off < a.length;) {
      ensure(8);
      int n = Math.min(a.length - off, (buf.length - pos) / 8);
      ByteBuffer.wrap(buf, pos, n * 8).order(LE).asDoubleBuffer().put(a, off, n);
      pos += n * 8;
      off += n;
    }
  }

  void putFloats(float[] a) {
    for (int off = 0; off < a.length;) {
      ensure(4);
      int n = Math.min(a.length - off, (buf.length - pos) / 4);
      ByteBuffer.wrap(buf, pos, n * 4).order(LE).asFloatBuffer().put(a, off, n);
      pos += n * 4;
      off += n;
    }
  }

  void putShorts(short[] a) {
    for (int off = 0; off < a.length;) {
      ensure(2);
      int n = Math.min(a.length - off, (buf.length - pos) / 2);
      ByteBuffer.wrap(buf, pos, n * 2).order(LE).asShortBuffer().put(a, off, n);
      pos += n * 2;
      off += n;
    }
  }

  void putChars(char[] a) {
    for (int off = 0; off < a.length;) {
      ensure(2);
      int n = Math.min(a.length - off, (buf.length - pos) / 2);
      ByteBuffer.wrap(buf, pos, n * 2).order(LE).asCharBuffer().put(a, off, n);
      pos += n * 2;
      off += n;
    }
  }

  /**
   * Writes everything to a stream.
   *
   * @param out the stream
   * @throws IOException if writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    for (int i = 0; i < full.size(); i++) {
      out.write(full.get(i), 0, fullLengths.get(i));
    }
    out.write(buf, 0, pos);
  }

  /**
   * Everything as a stream, without copying the segments.
   *
   * @return a stream of {@link #size()} bytes
   */
  public java.io.InputStream asInputStream() {
    List<java.io.InputStream> parts = new ArrayList<>();
    for (int i = 0; i < full.size(); i++) {
      parts.add(new java.io.ByteArrayInputStream(full.get(i), 0, fullLengths.get(i)));
    }
    parts.add(new java.io.ByteArrayInputStream(buf, 0, pos));
    return new java.io.SequenceInputStream(java.util.Collections.enumeration(parts));
  }

  /**
   * Everything as one array.
   *
   * @return the bytes
   * @throws IllegalStateException if there are more than fit in an array
   */
  public byte[] toByteArray() {
    if (size() > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("state of " + size() + " bytes does not fit in an array");
    }
    byte[] out = new byte[(int) size()];
    int at = 0;
    for (int i = 0; i < full.size(); i++) {
      System.arraycopy(full.get(i), 0, out, at, fullLengths.get(i));
      at += fullLengths.get(i);
    }
    System.arraycopy(buf, 0, out, at, pos);
    return out;
  }
}
