package org.laminardb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * On-disk format of WAL segments (see {@code docs/STORAGE.md}). All integers are big-endian.
 *
 * <p>Segment header, {@value #HEADER_BYTES} bytes: 0–3 magic {@code "LWAL"}, 4–7 format version,
 * 8–15 first LSN of the segment, 16–19 reserved (0), 20–23 CRC32C of bytes 0–19.
 *
 * <p>Record, {@value #RECORD_HEADER_BYTES} bytes plus payload: 0–3 payload length n, 4–7 CRC32C of
 * bytes 8 to 20+n (LSN, stream, payload), 8–15 LSN, 16–19 stream id, 20–(20+n) payload.
 */
final class WalFormat {
  static final int FORMAT_VERSION = 1;
  static final int MAGIC = 0x4C57414C; // "LWAL"
  static final int HEADER_BYTES = 24;
  static final int RECORD_HEADER_BYTES = 20;
  /** Largest payload accepted: 1 GiB. */
  static final int MAX_PAYLOAD = 1 << 30;
  static final Pattern SEGMENT_NAME = Pattern.compile("wal-(\\d{20})\\.seg");

  private WalFormat() {}

  static String segmentName(long firstLsn) {
    return String.format("wal-%020d.seg", firstLsn);
  }

  static byte[] header(long firstLsn) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
    b.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(firstLsn).putInt(0);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, 20);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * Reads and checks a segment header.
   *
   * @return the first LSN of the segment
   */
  static long readHeader(FileChannel ch, Path file, long nameLsn) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
    while (b.hasRemaining() && ch.read(b, b.position()) >= 0) {
      // positional reads until full or EOF
    }
    if (b.hasRemaining()) {
      throw corrupted(file, 0, "segment header is " + b.position() + " bytes, "
          + HEADER_BYTES + " expected");
    }
    b.flip();
    int magic = b.getInt(0);
    if (magic != MAGIC) {
      throw corrupted(file, 0, String.format("unknown magic 0x%08X, not a LaminarDB WAL segment "
          + "(magic 0x%08X)", magic, MAGIC));
    }
    int version = b.getInt(4);
    if (version > FORMAT_VERSION) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "WAL segment " + file
          + " was written by an incompatible format version " + version + ", this build reads "
          + FORMAT_VERSION + "; open it with a newer LaminarDB");
    }
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, 20);
    if ((int) crc.getValue() != b.getInt(20)) {
      throw corrupted(file, 0, "segment header checksum mismatch");
    }
    if (version < 1) {
      throw corrupted(file, 4, "invalid format version " + version);
    }
    long first = b.getLong(8);
    if (first != nameLsn) {
      throw corrupted(file, 8, "header says first LSN " + first + " but the file name says "
          + nameLsn);
    }
    return first;
  }

  static LaminarDBException corrupted(Path file, long offset, String what) {
    return new LaminarDBException(ErrorCode.DATA_CORRUPTED, "WAL segment " + file
        + " is corrupted at byte offset " + offset + ": " + what);
  }
}
