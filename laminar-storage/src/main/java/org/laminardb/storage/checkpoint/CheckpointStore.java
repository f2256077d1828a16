package org.laminardb.storage.checkpoint;

import org.laminardb.storage.DirectoryLock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * A directory of checkpoints, one subdirectory {@code epoch-<20 digits>} per checkpoint, each with
 * its state files and, once complete, a {@code manifest}; see {@code docs/STORAGE.md}, section
 * "Checkpoints", for the layout, the atomicity steps, retention and the fallback rules.
 *
 * <p>A checkpoint is complete when its {@code manifest} exists: the manifest is renamed into
 * place only after every state file and the directories are forced, so a crash at any point
 * leaves either the previous checkpoints or a complete new one. {@link #latestValid()} returns the
 * newest checkpoint that passes every check and falls back to older ones.
 *
 * <p>Thread-safe; one writer at a time. One directory is used by one store at a time, guarded by
 * a file lock on {@code checkpoint.lock}.
 */
public final class CheckpointStore implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CheckpointStore.class.getName());
  private static final String LOCK_FILE = "checkpoint.lock";
  /** Real paths of the directories open in this JVM (see {@code Wal} for why). */

  private final Path dir;
  private final int keep;
  private final DirectoryLock lock;
  private CheckpointWriter writer;
  private long lastBegun;
  private boolean closed;

  private CheckpointStore(Path dir, int keep, DirectoryLock lock) {
    this.dir = dir;
    this.keep = keep;
    this.lock = lock;
  }

  /**
   * Opens a checkpoint directory, creating it if missing, and locks it. Nothing is deleted or
   * verified on open.
   *
   * @param dir the checkpoint directory
   * @param keep how many complete checkpoints to keep, at least 1
   * @return the store
   * @throws IllegalArgumentException if {@code keep} is below 1
   * @throws LaminarDBException 55006 if another process or store has the directory open, 55000
   *     on I/O errors
   */
  public static CheckpointStore open(Path dir, int keep) {
    Objects.requireNonNull(dir, "dir");
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    try {
      return new CheckpointStore(dir, keep,
          DirectoryLock.acquire(dir, LOCK_FILE, "checkpoint directory"));
    } catch (IOException e) {
      throw io("cannot open checkpoint directory " + dir, e);
    }
  }

  /**
   * Starts a checkpoint. Incomplete checkpoint directories with this epoch or a higher one
   * (left by a crash) are deleted first.
   *
   * @param epoch the epoch: greater than every complete checkpoint's in the directory and every
   *     epoch begun by this store
   * @return the writer
   * @throws IllegalArgumentException if the epoch is not greater
   * @throws LaminarDBException 55000 if another checkpoint is being written, the store is closed,
   *     or on I/O errors
   */
  public synchronized CheckpointWriter begin(long epoch) {
    checkOpen();
    if (writer != null) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "checkpoint "
          + writer.epoch() + " is still being written");
    }
    NavigableMap<Long, Path> all = scan();
    long newestComplete = 0;
    for (Map.Entry<Long, Path> e : all.entrySet()) {
      if (isComplete(e.getValue())) {
        newestComplete = e.getKey();
      }
    }
    long floor = Math.max(newestComplete, lastBegun);
    if (epoch < 1 || epoch <= floor) {
      throw new IllegalArgumentException("checkpoint epochs must increase: " + epoch
          + " is not greater than " + floor);
    }
    for (Path stale : all.tailMap(epoch, true).values()) {
      deleteTree(stale);
    }
    Path cp = dir.resolve(CheckpointFormat.epochDirName(epoch));
    try {
      Files.createDirectory(cp);
    } catch (IOException e) {
      throw io("cannot create " + cp, e);
    }
    lastBegun = epoch;
    writer = new CheckpointWriter(this, cp, epoch, System.currentTimeMillis());
    return writer;
  }

  /**
   * Returns the newest valid checkpoint, logging why newer ones were skipped.
   *
   * @return the checkpoint, or empty if there is no valid one
   * @throws LaminarDBException 0A000 if a manifest newer than the one returned was written by a
   *     newer format version, 55000 if the store is closed or the directory cannot be listed
   * @see #latestValid(List)
   */
  public Optional<Checkpoint> latestValid() {
    return latestValid(new ArrayList<>());
  }

  /**
   * Returns the newest valid checkpoint: the newest whose manifest exists, parses, has the right
   * magic, version, epoch and CRC32C, and whose listed state files all exist with the listed
   * lengths and CRC32Cs (each file is read in full). Newer checkpoints that fail are skipped, each
   * with a reason added to {@code skipped} and logged as a warning.
   *
   * @param skipped receives one message per skipped checkpoint, newest first
   * @return the checkpoint, or empty if there is no valid one
   * @throws LaminarDBException 0A000 if a checkpoint was written by a newer format version: the
   *     search stops there rather than fall back past it; 55000 if the store is closed or the
   *     directory cannot be listed
   */
  public synchronized Optional<Checkpoint> latestValid(List<String> skipped) {
    checkOpen();
    for (Map.Entry<Long, Path> e : scan().descendingMap().entrySet()) {
      if (writer != null && writer.epoch() == e.getKey()) {
        continue;
      }
      try {
        Checkpoint cp = load(e.getKey(), e.getValue());
        for (StateFileRef ref : cp.manifest().stateFiles()) {
          CheckpointFormat.verifyStateFile(e.getValue().resolve(ref.name()), ref);
        }
        return Optional.of(cp);
      } catch (LaminarDBException ex) {
        if (ex.code() != ErrorCode.DATA_CORRUPTED) {
          throw ex;
        }
        String reason = "checkpoint " + e.getKey() + " skipped: " + ex.getMessage();
        skipped.add(reason);
        LOG.log(System.Logger.Level.WARNING, reason);
      }
    }
    return Optional.empty();
  }

  /**
   * Lists the complete checkpoints whose manifests are intact, oldest first. State files are not
   * read (only their sizes), so a listed checkpoint may still fail {@link #latestValid()}.
   *
   * @return one entry per checkpoint
   * @throws LaminarDBException 55000 if the store is closed or the directory cannot be listed
   */
  public synchronized List<CheckpointInfo> list() {
    checkOpen();
    List<CheckpointInfo> out = new ArrayList<>();
    for (Map.Entry<Long, Path> e : scan().entrySet()) {
      if (!isComplete(e.getValue())) {
        continue;
      }
      try {
        Path m = e.getValue().resolve(CheckpointFormat.MANIFEST);
        CheckpointFormat.Decoded d = CheckpointFormat.decode(Files.readAllBytes(m), m);
        long total = Files.size(m);
        for (StateFileRef ref : d.manifest().stateFiles()) {
          Path f = e.getValue().resolve(ref.name());
          total += Files.exists(f) ? Files.size(f) : 0;
        }
        out.add(new CheckpointInfo(e.getKey(), d.completedAtMillis(), total,
            d.completedAtMillis() - d.manifest().createdAtMillis()));
      } catch (IOException | LaminarDBException ex) {
        // damaged or being deleted: not listed
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the directory.
   *
   * @return the checkpoint directory
   */
  public Path directory() {
    return dir;
  }

  /**
   * Closes the store: aborts a checkpoint being written and releases the directory lock.
   * Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    if (writer != null) {
      writer.abort();
    }
    closed = true;
    lock.close();
  }

  synchronized void completed(CheckpointWriter w) {
    writer = null;
    int complete = 0;
    for (Map.Entry<Long, Path> e : scan().descendingMap().entrySet()) {
      if (e.getKey() > w.epoch()) {
        continue;
      }
      if (isComplete(e.getValue())) {
        if (++complete > keep) {
          deleteTree(e.getValue());
        }
      } else {
        deleteTree(e.getValue());
      }
    }
  }

  synchronized void aborted(CheckpointWriter w) {
    if (writer == w) {
      writer = null;
    }
    deleteTree(w.directory());
  }

  void forceRoot() {
    forceDirectory(dir);
  }

  static void forceDirectory(Path d) {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Not every platform can open or force a directory (Windows).
    }
  }

  private Checkpoint load(long epoch, Path cpDir) {
    Path m = cpDir.resolve(CheckpointFormat.MANIFEST);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(m);
    } catch (NoSuchFileException e) {
      throw CheckpointFormat.corrupted(m, "missing: the checkpoint is incomplete");
    } catch (IOException e) {
      throw CheckpointFormat.corrupted(m, "cannot be read: " + e);
    }
    CheckpointFormat.Decoded d = CheckpointFormat.decode(bytes, m);
    if (d.manifest().epoch() != epoch) {
      throw CheckpointFormat.corrupted(m, "manifest epoch " + d.manifest().epoch()
          + " does not match the directory name");
    }
    return new Checkpoint(cpDir, d.manifest(), d.completedAtMillis());
  }

  private NavigableMap<Long, Path> scan() {
    NavigableMap<Long, Path> out = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        Matcher m = CheckpointFormat.EPOCH_DIR.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          out.put(Long.parseLong(m.group(1)), p);
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "cannot list checkpoint directory " + dir + ": " + e, e);
    }
    return out;
  }

  private static boolean isComplete(Path cpDir) {
    return Files.exists(cpDir.resolve(CheckpointFormat.MANIFEST));
  }

  /** Deletes a checkpoint directory: the manifest first, so it is never complete but partial. */
  private static void deleteTree(Path cpDir) {
    try {
      Files.deleteIfExists(cpDir.resolve(CheckpointFormat.MANIFEST));
      try (Stream<Path> files = Files.list(cpDir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(cpDir);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot delete checkpoint " + cpDir + ": " + e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "checkpoint store " + dir + " is closed");
    }
  }


  private static LaminarDBException io(String message, IOException e) {
    return new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, message + ": " + e,
        e);
  }
}
