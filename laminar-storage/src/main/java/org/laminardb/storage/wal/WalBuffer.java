package org.laminardb.storage.wal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Records appended but not yet written, plus the points where a new segment must start. Used
 * under the WAL's lock by appenders and then, swapped out, by the one flushing thread.
 */
final class WalBuffer {
  byte[] data = new byte[1 << 16];
  ByteBuffer view = ByteBuffer.wrap(data);
  int size;
  /** LSN of the last record in the buffer, or 0 when empty. */
  long lastLsn;
  int[] breakOffsets = new int[4];
  long[] breakLsns = new long[4];
  int breaks;

  void put(CRC32C crc, long lsn, int stream, byte[] payload, int offset, int length) {
    int need = WalFormat.RECORD_HEADER_BYTES + length;
    ensure(need);
    ByteBuffer v = view;
    int p = size;
    v.putInt(p, length);
    v.putLong(p + 8, lsn);
    v.putInt(p + 16, stream);
    System.arraycopy(payload, offset, data, p + WalFormat.RECORD_HEADER_BYTES, length);
    crc.reset();
    crc.update(data, p + 8, 12 + length);
    v.putInt(p + 4, (int) crc.getValue());
    size = p + need;
    lastLsn = lsn;
  }

  void addBreak(long firstLsn) {
    if (breaks == breakOffsets.length) {
      breakOffsets = Arrays.copyOf(breakOffsets, breaks * 2);
      breakLsns = Arrays.copyOf(breakLsns, breaks * 2);
    }
    breakOffsets[breaks] = size;
    breakLsns[breaks] = firstLsn;
    breaks++;
  }

  void clear() {
    size = 0;
    breaks = 0;
    lastLsn = 0;
  }

  private void ensure(int need) {
    if ((long) size + need > data.length) {
      long cap = Math.max((long) data.length * 2, (long) size + need);
      if (cap > Integer.MAX_VALUE - 8) {
        cap = (long) size + need;
      }
      data = Arrays.copyOf(data, (int) cap);
      view = ByteBuffer.wrap(data);
    }
  }
}
