package org.laminardb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads the records of one segment in order, checking length, checksum and LSN sequence. Reuses
 * its buffers: the payload array is valid until the next call of {@link #next()}.
 */
final class RecordScanner {
  static final int OK = 0;
  static final int END = 1;
  static final int INVALID = 2;

  private final FileChannel ch;
  private final Path file;
  private final long fileSize;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
  private final CRC32C crc = new CRC32C();
  private long bufFilePos; // file offset of buf[0]
  private long position; // file offset of the next record
  long expectedLsn;

  long lsn;
  int stream;
  byte[] payload = new byte[256];
  int length;
  String invalidReason;

  RecordScanner(FileChannel ch, Path file, long firstLsn) throws IOException {
    this.ch = ch;
    this.file = file;
    this.fileSize = ch.size();
    this.position = WalFormat.HEADER_BYTES;
    this.bufFilePos = position;
    this.expectedLsn = firstLsn;
    buf.limit(0);
  }

  /** File offset where the next record starts (after the last valid one). */
  long position() {
    return position;
  }

  Path file() {
    return file;
  }

  /** Reads the next record: {@link #OK}, {@link #END} at a clean end, or {@link #INVALID}. */
  int next() throws IOException {
    long remaining = fileSize - position;
    if (remaining == 0) {
      return END;
    }
    if (remaining < WalFormat.RECORD_HEADER_BYTES) {
      return invalid("short record header: " + remaining + " of "
          + WalFormat.RECORD_HEADER_BYTES + " bytes");
    }
    fill(WalFormat.RECORD_HEADER_BYTES);
    int p = (int) (position - bufFilePos);
    int len = buf.getInt(p);
    int sum = buf.getInt(p + 4);
    long recLsn = buf.getLong(p + 8);
    int recStream = buf.getInt(p + 16);
    if (len < 0 || len > remaining - WalFormat.RECORD_HEADER_BYTES) {
      return invalid("bad record length " + len + " (" + (remaining
          - WalFormat.RECORD_HEADER_BYTES) + " bytes left in the file)");
    }
    crc.reset();
    crc.update(buf.array(), p + 8, 12);
    if (payload.length < len) {
      payload = new byte[Math.max(len, payload.length * 2)];
    }
    readPayload(p + WalFormat.RECORD_HEADER_BYTES, len);
    crc.update(payload, 0, len);
    if ((int) crc.getValue() != sum) {
      return invalid("record checksum mismatch");
    }
    if (recLsn != expectedLsn) {
      return invalid("record has LSN " + recLsn + " where " + expectedLsn + " was expected");
    }
    lsn = recLsn;
    stream = recStream;
    length = len;
    position += WalFormat.RECORD_HEADER_BYTES + len;
    expectedLsn++;
    return OK;
  }

  /**
   * After {@link #next()} returned {@link #INVALID}: whether the invalid record's length field
   * points at a complete, valid record with the LSN after the expected one. A torn write leaves
   * nothing valid behind it, so such a record means damage inside the log, not a torn tail.
   */
  boolean validRecordFollows() throws IOException {
    ByteBuffer h = ByteBuffer.allocate(WalFormat.RECORD_HEADER_BYTES);
    if (!readAt(h, position)) {
      return false;
    }
    int len = h.getInt(0);
    long q = position + WalFormat.RECORD_HEADER_BYTES + (long) len;
    if (len < 0 || q + WalFormat.RECORD_HEADER_BYTES > fileSize) {
      return false;
    }
    h.clear();
    readAt(h, q);
    int len2 = h.getInt(0);
    if (len2 < 0 || q + WalFormat.RECORD_HEADER_BYTES + len2 > fileSize
        || h.getLong(8) != expectedLsn + 1) {
      return false;
    }
    ByteBuffer body = ByteBuffer.allocate(len2);
    readAt(body, q + WalFormat.RECORD_HEADER_BYTES);
    CRC32C c = new CRC32C();
    c.update(h.array(), 8, 12);
    c.update(body.array(), 0, len2);
    return (int) c.getValue() == h.getInt(4);
  }

  private boolean readAt(ByteBuffer dst, long at) throws IOException {
    while (dst.hasRemaining()) {
      if (ch.read(dst, at + dst.position()) < 0) {
        return false;
      }
    }
    return true;
  }

  private int invalid(String reason) {
    invalidReason = reason;
    return INVALID;
  }

  /** Makes at least {@code n} bytes from {@link #position} available in the buffer. */
  private void fill(int n) throws IOException {
    int have = (int) (bufFilePos + buf.limit() - position);
    if (position >= bufFilePos && have >= n) {
      return;
    }
    buf.clear();
    bufFilePos = position;
    while (buf.position() < n) {
      if (ch.read(buf, bufFilePos + buf.position()) < 0) {
        throw new IOException("unexpected end of " + file + " at " + (bufFilePos + buf.position()));
      }
    }
    buf.flip();
  }

  /** Copies {@code len} payload bytes starting at buffer index {@code p} (may refill). */
  private void readPayload(int p, int len) throws IOException {
    int inBuf = Math.min(len, buf.limit() - p);
    System.arraycopy(buf.array(), p, payload, 0, inBuf);
    int done = inBuf;
    long filePos = bufFilePos + p + inBuf;
    while (done < len) {
      ByteBuffer dst = ByteBuffer.wrap(payload, done, len - done);
      int r = ch.read(dst, filePos);
      if (r < 0) {
        throw new IOException("unexpected end of " + file + " at " + filePos);
      }
      done += r;
      filePos += r;
    }
    if (p + len > buf.limit()) {
      // The buffer no longer covers the next record start; force a refill.
      buf.limit(0);
      bufFilePos = position + WalFormat.RECORD_HEADER_BYTES + len;
    }
  }
}
