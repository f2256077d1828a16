package org.laminardb.storage.wal;

import org.laminardb.storage.DirectoryLock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.zip.CRC32C;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Segmented write-ahead log with group commit. Each record carries a dense LSN (1, 2, 3, ...), a
 * stream id and an opaque payload, protected by a CRC32C; see {@code docs/STORAGE.md} for the
 * layout, the sync policies and the recovery rules.
 *
 * <p>Writers call {@link #append} (which only copies the record into a shared buffer and assigns
 * its LSN) and then {@link #commit} (which returns once the record is as durable as the
 * {@link SyncPolicy} promises). Commit is group commit: the first waiting writer becomes the
 * leader, writes every buffered record with one write and one force, and wakes the others; records
 * appended meanwhile go into a second buffer that the next leader writes. So N concurrent writers
 * share one {@code force}.
 *
 * <p>Thread-safe: any number of threads may append, commit and read concurrently. One directory is
 * used by one {@code Wal} at a time, guarded by a file lock on {@code wal.lock}.
 */
public final class Wal implements AutoCloseable {
  private static final String LOCK_FILE = "wal.lock";
  /** Real paths of the directories open in this JVM. */

  private final Path dir;
  private final WalOptions options;
  private final DirectoryLock dirLock;
  private final boolean forceOnCommit;
  /** First LSN to segment file; the last entry is the segment being written. */
  private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();

  // Guarded by lock.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition flushDone = lock.newCondition();
  private final CRC32C crc = new CRC32C();
  private WalBuffer pending = new WalBuffer();
  private WalBuffer spare = new WalBuffer();
  private long nextLsn;
  private long writtenLsn;
  private long syncedLsn;
  private long segmentBytes;
  private boolean flushing;
  private boolean closed;
  /** Set by close() after its final flush. */
  private boolean finished;
  private Throwable failure;

  // Guarded by ioLock. Never acquired while holding lock (the syncer takes lock inside ioLock).
  private final ReentrantLock ioLock = new ReentrantLock();
  private FileChannel segment;

  private final Thread syncer;

  private Wal(Path dir, WalOptions options, DirectoryLock lock) {
    this.dir = dir;
    this.options = options;
    this.dirLock = lock;
    this.forceOnCommit = options.syncPolicy().kind() == SyncPolicy.Kind.FSYNC;
    if (options.syncPolicy().kind() == SyncPolicy.Kind.INTERVAL) {
      syncer = new Thread(this::syncLoop, "laminar-wal-sync " + dir.getFileName());
      syncer.setDaemon(true);
    } else {
      syncer = null;
    }
  }

  /**
   * Opens a WAL directory, creating it if missing, and recovers it: every segment is scanned; a
   * torn record at the end of the last segment (never acknowledged) is cut off, any other invalid
   * data fails the open.
   *
   * @param dir the WAL directory
   * @param options sync policy and segment size
   * @return the open WAL, positioned to append after the last valid record
   * @throws LaminarDBException SQLSTATE 55006 if another process or instance has the directory
   *     open, XX001 if a segment is corrupted (the message names the file and byte offset), 0A000
   *     if a segment was written by a newer format version, 55000 on I/O errors
   */
  public static Wal open(Path dir, WalOptions options) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    DirectoryLock lock;
    try {
      lock = DirectoryLock.acquire(dir, LOCK_FILE, "WAL directory");
    } catch (IOException e) {
      throw ioError("cannot open WAL directory " + dir, e);
    }
    Wal wal = new Wal(dir, options, lock);
    try {
      wal.recover();
    } catch (IOException e) {
      wal.closeQuietly(); // releases the lock
      throw ioError("cannot open WAL directory " + dir, e);
    } catch (RuntimeException e) {
      wal.closeQuietly();
      throw e;
    }
    if (wal.syncer != null) {
      wal.syncer.start();
    }
    return wal;
  }

  /**
   * Appends a record to the buffer and assigns its LSN. The record is not durable, nor even
   * written, until {@link #commit(long)} of this or a later LSN returns (or {@link #close()}).
   *
   * @param stream stream id, opaque to the WAL
   * @param payload record bytes (copied before return)
   * @param offset start in {@code payload}
   * @param length number of bytes, at most 1 GiB
   * @return the record's LSN: one more than the previous record's
   * @throws LaminarDBException 55000 if the WAL is closed or failed on an earlier I/O error
   * @throws IndexOutOfBoundsException if the range is outside {@code payload}
   * @throws IllegalArgumentException if {@code length} exceeds 1 GiB
   */
  public long append(int stream, byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    if (length > WalFormat.MAX_PAYLOAD) {
      throw new IllegalArgumentException("WAL record payload of " + length
          + " bytes exceeds the limit of " + WalFormat.MAX_PAYLOAD);
    }
    int recordBytes = WalFormat.RECORD_HEADER_BYTES + length;
    lock.lock();
    try {
      checkUsable();
      if ((long) pending.size + recordBytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("WAL buffer full: commit before appending more");
      }
      long lsn = nextLsn++;
      if (segmentBytes > WalFormat.HEADER_BYTES
          && segmentBytes + recordBytes > options.segmentBytes()) {
        pending.addBreak(lsn);
        segmentBytes = WalFormat.HEADER_BYTES;
      }
      segmentBytes += recordBytes;
      pending.put(crc, lsn, stream, payload, offset, length);
      return lsn;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once the record {@code lsn} and all before it are as durable as the sync policy
   * promises: forced to disk under {@link SyncPolicy#FSYNC}, written to the operating system
   * otherwise.
   *
   * @param lsn an LSN returned by {@link #append}
   * @throws LaminarDBException 55000 if writing failed (the WAL then refuses further use) or the
   *     WAL was closed before the record was written
   * @throws IllegalArgumentException if no record has that LSN yet
   */
  public void commit(long lsn) {
    lock.lock();
    try {
      if (lsn < 1 || lsn >= nextLsn) {
        throw new IllegalArgumentException("no WAL record with LSN " + lsn + " (last is "
            + (nextLsn - 1) + ")");
      }
      while (true) {
        if ((forceOnCommit ? syncedLsn : writtenLsn) >= lsn) {
          return;
        }
        if (failure != null) {
          checkUsable();
        }
        if (flushing || (closed && !finished)) {
          // a leader, or close()'s final flush, is about to cover the record
          flushDone.awaitUninterruptibly();
        } else {
          checkUsable();
          flushAsLeader(forceOnCommit);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@link #append} then {@link #commit}.
   *
   * @param stream stream id
   * @param payload record bytes
   * @param offset start in {@code payload}
   * @param length number of bytes
   * @return the record's LSN
   * @throws LaminarDBException as {@link #append} and {@link #commit}
   */
  public long appendAndCommit(int stream, byte[] payload, int offset, int length) {
    long lsn = append(stream, payload, offset, length);
    commit(lsn);
    return lsn;
  }

  /**
   * LSN of the last appended record (committed or not), or the last recovered one, or 0 if the log
   * has never held a record.
   *
   * @return the LSN
   */
  public long lastLsn() {
    lock.lock();
    try {
      return nextLsn - 1;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lowest LSN still held (the first LSN of the oldest segment); records below it were removed by
   * {@link #truncateBefore}. Equals {@code lastLsn() + 1} when the log holds no records.
   *
   * @return the LSN
   */
  public long firstLsn() {
    return segments.firstKey();
  }

  /**
   * Deletes every segment all of whose records have LSNs below {@code lsn}; called after a
   * checkpoint covering them. The segment being written is never deleted, so some records below
   * {@code lsn} may remain. Do not truncate records an open {@link WalReader} has still to read.
   *
   * @param lsn records below this LSN are no longer needed
   * @throws LaminarDBException 55000 if a segment cannot be deleted
   */
  public synchronized void truncateBefore(long lsn) {
    while (true) {
      Map.Entry<Long, Path> first = segments.firstEntry();
      Long next = segments.higherKey(first.getKey());
      if (next == null || next > lsn) {
        return;
      }
      try {
        Files.deleteIfExists(first.getValue());
      } catch (IOException e) {
        throw ioError("cannot delete WAL segment " + first.getValue(), e);
      }
      segments.remove(first.getKey());
    }
  }

  /**
   * A reader over the records from {@code fromLsn} up to the last record written to the operating
   * system when this method is called (committed records, at least). Records appended but not yet
   * committed may be missing. Each record is checked against its checksum; a reader never returns
   * one that fails.
   *
   * @param fromLsn first LSN to return, at least {@link #firstLsn()}
   * @return the reader; close it after use
   * @throws LaminarDBException 55000 if {@code fromLsn} is below {@link #firstLsn()}, since those
   *     records were truncated
   */
  public WalReader reader(long fromLsn) {
    long limit;
    lock.lock();
    try {
      limit = writtenLsn;
    } finally {
      lock.unlock();
    }
    long first = segments.firstKey();
    if (fromLsn < first) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "WAL " + dir
          + " holds records from LSN " + first + " on; LSN " + fromLsn + " was truncated");
    }
    List<Path> files = new ArrayList<>();
    List<Long> firsts = new ArrayList<>();
    Long start = segments.floorKey(fromLsn);
    for (Map.Entry<Long, Path> e : segments.tailMap(start, true).entrySet()) {
      files.add(e.getValue());
      firsts.add(e.getKey());
    }
    return new WalReader(files, firsts, fromLsn, limit);
  }

  /**
   * The directory of the log.
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  /**
   * Writes and forces every buffered record, stops the background syncer and releases the
   * directory lock. Idempotent.
   *
   * @throws LaminarDBException 55000 if the final write fails
   */
  @Override
  public void close() {
    Throwable error = null;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true; // refuse appends from now on; everything appended before is flushed below
      while (flushing) {
        flushDone.awaitUninterruptibly();
      }
      if (failure == null) {
        flushAsLeader(true);
      }
      error = failure;
      finished = true;
      flushDone.signalAll();
    } finally {
      lock.unlock();
    }
    closeQuietly();
    if (error != null) {
      throw ioError("WAL " + dir + " failed on close", error);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** With lock held: writes the pending buffer with the lock released, then publishes. */
  private void flushAsLeader(boolean force) {
    flushing = true;
    WalBuffer batch = pending;
    pending = spare;
    spare = batch;
    long upTo = Math.max(writtenLsn, batch.lastLsn);
    lock.unlock();
    Throwable error = null;
    try {
      writeBatch(batch, force);
    } catch (IOException | RuntimeException | Error e) {
      error = e;
    } finally {
      lock.lock();
    }
    batch.clear();
    flushing = false;
    if (error != null) {
      failure = error;
    } else {
      writtenLsn = upTo;
      if (force) {
        syncedLsn = upTo;
      }
    }
    flushDone.signalAll();
  }

  private void writeBatch(WalBuffer batch, boolean force) throws IOException {
    ioLock.lock();
    try {
      int pos = 0;
      for (int b = 0; b < batch.breaks; b++) {
        writeFully(batch.view, pos, batch.breakOffsets[b]);
        pos = batch.breakOffsets[b];
        sealAndStartSegment(batch.breakLsns[b]);
      }
      writeFully(batch.view, pos, batch.size);
      if (force) {
        segment.force(false);
      }
    } finally {
      ioLock.unlock();
    }
  }

  private void writeFully(ByteBuffer view, int from, int to) throws IOException {
    view.limit(to).position(from);
    while (view.hasRemaining()) {
      segment.write(view);
    }
    view.clear();
  }

  /** With ioLock held: forces and closes the current segment and starts a new one. */
  private void sealAndStartSegment(long firstLsn) throws IOException {
    segment.force(false);
    segment.close();
    segment = null;
    segment = createSegment(firstLsn);
    segment.position(WalFormat.HEADER_BYTES);
  }

  /**
   * Creates a segment atomically: header into a temporary file, forced, renamed, directory forced.
   */
  private FileChannel createSegment(long firstLsn) throws IOException {
    Path file = dir.resolve(WalFormat.segmentName(firstLsn));
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer h = ByteBuffer.wrap(WalFormat.header(firstLsn));
      while (h.hasRemaining()) {
        ch.write(h);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory();
    segments.put(firstLsn, file);
    return FileChannel.open(file, StandardOpenOption.WRITE);
  }

  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Not every platform can open or force a directory (Windows); the rename is then as
      // durable as the file system makes it.
    }
  }

  private void recover() throws IOException {
    List<Long> firsts = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        Matcher m = WalFormat.SEGMENT_NAME.matcher(name);
        if (m.matches()) {
          firsts.add(Long.parseLong(m.group(1)));
        } else if (name.startsWith("wal-") && name.endsWith(".seg.tmp")) {
          Files.delete(p); // a segment whose creation did not complete: never held records
        }
      }
    }
    firsts.sort(null);
    long last = 0;
    long validEnd = WalFormat.HEADER_BYTES;
    for (int i = 0; i < firsts.size(); i++) {
      long first = firsts.get(i);
      Path file = dir.resolve(WalFormat.segmentName(first));
      boolean isLast = i == firsts.size() - 1;
      if (i > 0 && first != last + 1) {
        throw WalFormat.corrupted(file, 0, "segment starts at LSN " + first + " but the previous "
            + "segment ends at LSN " + last + " (records are missing)");
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        WalFormat.readHeader(ch, file, first);
        RecordScanner s = new RecordScanner(ch, file, first);
        int r;
        while ((r = s.next()) == RecordScanner.OK) {
          // count
        }
        if (r == RecordScanner.INVALID) {
          if (!isLast) {
            throw WalFormat.corrupted(file, s.position(), s.invalidReason);
          }
          if (s.validRecordFollows()) {
            throw WalFormat.corrupted(file, s.position(), s.invalidReason
                + ", and a valid record follows it (not a torn write at the tail)");
          }
          // Torn tail: the write of an unacknowledged record was cut short by a crash.
          ch.truncate(s.position());
          ch.force(true);
        }
        last = s.expectedLsn - 1;
        validEnd = s.position();
      }
      segments.put(first, file);
    }
    if (segments.isEmpty()) {
      segment = createSegment(1);
      validEnd = WalFormat.HEADER_BYTES;
    } else {
      segment = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE);
      segment.force(false); // whatever the last process left in the page cache is now durable
    }
    segment.position(validEnd);
    nextLsn = last + 1;
    writtenLsn = last;
    syncedLsn = last;
    segmentBytes = validEnd;
  }

  private void syncLoop() {
    long nanos = TimeUnit.MILLISECONDS.toNanos(options.syncPolicy().intervalMillis());
    while (true) {
      LockSupport.parkNanos(this, nanos);
      long written;
      lock.lock();
      try {
        if (closed || failure != null || Thread.currentThread().isInterrupted()) {
          return;
        }
        written = writtenLsn;
      } finally {
        lock.unlock();
      }
      ioLock.lock();
      try {
        segment.force(false);
      } catch (IOException e) {
        lock.lock();
        try {
          failure = e;
          flushDone.signalAll();
        } finally {
          lock.unlock();
        }
        return;
      } finally {
        ioLock.unlock();
      }
      lock.lock();
      try {
        syncedLsn = Math.max(syncedLsn, written);
      } finally {
        lock.unlock();
      }
    }
  }

  private void checkUsable() {
    if (failure != null) {
      throw ioError("WAL " + dir + " failed on an earlier write and accepts no more records",
          failure);
    }
    if (closed) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "WAL " + dir + " is closed");
    }
  }

  private void closeQuietly() {
    if (syncer != null && syncer.isAlive()) {
      syncer.interrupt();
      try {
        syncer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ioLock.lock();
    try {
      closeQuietly(segment);
      segment = null;
    } finally {
      ioLock.unlock();
    }
    dirLock.close();
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing more to do
      }
    }
  }

  private static LaminarDBException ioError(String message, Throwable cause) {
    if (cause instanceof LaminarDBException) {
      return (LaminarDBException) cause;
    }
    return new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
        message + ": " + cause, cause);
  }
}
