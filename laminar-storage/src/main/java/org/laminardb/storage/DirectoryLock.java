package org.laminardb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Exclusive use of a storage directory, against other processes and other instances in this JVM:
 * an OS file lock on a lock file inside it, plus a per-JVM set of locked directories.
 *
 * <p>The per-JVM set is checked before the lock file is opened because POSIX locks belong to the
 * process: closing any second descriptor of the lock file would silently drop the lock another
 * instance in this JVM holds, and let another process in.
 */
public final class DirectoryLock implements AutoCloseable {
  private static final Set<Path> LOCKED = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the directory if missing and locks it.
   *
   * @param dir the directory
   * @param lockFile name of the lock file inside it, e.g. {@code wal.lock}
   * @param what what the directory holds, for the error message, e.g. {@code WAL directory}
   * @return the held lock; close it to release
   * @throws LaminarDBException SQLSTATE 55006 if another process or instance holds it
   * @throws IOException if the directory or lock file cannot be created or opened
   */
  public static DirectoryLock acquire(Path dir, String lockFile, String what) throws IOException {
    Files.createDirectories(dir);
    Path key = dir.toRealPath();
    if (!LOCKED.add(key)) {
      throw inUse(dir, lockFile, what);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(dir.resolve(lockFile), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw inUse(dir, lockFile, what);
      }
      return new DirectoryLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      LOCKED.remove(key);
      throw e;
    }
  }

  private static LaminarDBException inUse(Path dir, String lockFile, String what) {
    return new LaminarDBException(ErrorCode.OBJECT_IN_USE, what + " " + dir
        + " is in use by another process or LaminarDB instance (lock on "
        + dir.resolve(lockFile) + " is held)");
  }

  /** Releases the lock; idempotent, never throws. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel releases it too
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do
    }
    LOCKED.remove(key);
  }
}
