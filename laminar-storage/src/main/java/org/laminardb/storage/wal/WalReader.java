package org.laminardb.storage.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Iterates over WAL records in LSN order, for recovery replay; obtained from {@link
 * Wal#reader(long)}. Every record is checked (length, CRC32C, LSN sequence); a record that fails
 * is never returned: {@link #next()} throws instead.
 *
 * <p>Use: {@code while (r.next()) { use r.lsn(), r.stream(), r.payload() [0, r.payloadLength()) }}.
 * The payload array is reused and valid only until the next call of {@link #next()}. Not
 * thread-safe.
 */
public final class WalReader implements AutoCloseable {
  private final List<Path> files;
  private final List<Long> firsts;
  private final long fromLsn;
  private final long limitLsn;
  private int fileIndex = -1;
  private FileChannel channel;
  private RecordScanner scanner;
  private boolean done;

  WalReader(List<Path> files, List<Long> firsts, long fromLsn, long limitLsn) {
    this.files = files;
    this.firsts = firsts;
    this.fromLsn = fromLsn;
    this.limitLsn = limitLsn;
  }

  /**
   * Advances to the next record.
   *
   * @return true if there is one, false at the end of the log as it was when the reader was made
   * @throws LaminarDBException XX001 if a record or segment fails its checks (the message names
   *     the file and byte offset), 55000 on I/O errors
   */
  public boolean next() {
    if (done) {
      return false;
    }
    try {
      while (true) {
        if (scanner == null && !openNext()) {
          return finish();
        }
        if (scanner.expectedLsn > limitLsn) {
          return finish();
        }
        int r = scanner.next();
        if (r == RecordScanner.OK) {
          if (scanner.lsn >= fromLsn) {
            return true;
          }
        } else if (r == RecordScanner.END) {
          closeChannel();
        } else {
          throw WalFormat.corrupted(scanner.file(), scanner.position(), scanner.invalidReason);
        }
      }
    } catch (IOException e) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "cannot read WAL segment " + files.get(fileIndex) + ": " + e, e);
    }
  }

  private boolean openNext() throws IOException {
    long expected = fileIndex < 0 ? -1 : scannerEnd;
    fileIndex++;
    if (fileIndex >= files.size()) {
      return false;
    }
    Path file = files.get(fileIndex);
    long first = firsts.get(fileIndex);
    if (expected >= 0 && first != expected) {
      throw WalFormat.corrupted(file, 0, "segment starts at LSN " + first + " but LSN "
          + expected + " was expected (records are missing)");
    }
    channel = FileChannel.open(file, StandardOpenOption.READ);
    WalFormat.readHeader(channel, file, first);
    scanner = new RecordScanner(channel, file, first);
    return true;
  }

  private long scannerEnd;

  private boolean finish() {
    done = true;
    close();
    return false;
  }

  private void closeChannel() throws IOException {
    scannerEnd = scanner.expectedLsn;
    scanner = null;
    channel.close();
    channel = null;
  }

  /**
   * LSN of the current record.
   *
   * @return the LSN
   */
  public long lsn() {
    return scanner.lsn;
  }

  /**
   * Stream id of the current record.
   *
   * @return the stream id
   */
  public int stream() {
    return scanner.stream;
  }

  /**
   * Payload bytes of the current record, in {@code [0, payloadLength())}; the array is reused.
   *
   * @return the buffer holding the payload
   */
  public byte[] payload() {
    return scanner.payload;
  }

  /**
   * Length of the current record's payload.
   *
   * @return bytes
   */
  public int payloadLength() {
    return scanner.length;
  }

  /** Releases the open segment file. Idempotent. */
  @Override
  public void close() {
    done = true;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to do
      }
      channel = null;
    }
  }
}
