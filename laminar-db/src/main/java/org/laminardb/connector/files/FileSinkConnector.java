package org.laminardb.connector.files;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.TransactionalSinkConnector;

/**
 * Exactly-once sink writing one file per checkpoint epoch into a directory, made visible by an
 * atomic rename when the epoch's checkpoint completes; see the package documentation for the
 * file layout and formats.
 *
 * <p>Not thread-safe: the engine calls it on the sink's own thread, one call at a time.
 */
public final class FileSinkConnector implements TransactionalSinkConnector {
  private static final int FLUSH_CHARS = 64 * 1024;

  private final String sink;
  private final Path directory;
  private final FileFormat format;
  private final SinkFileNames names;
  private final RowEncoder encoder;
  private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);

  /** Highest epoch begun or recovered; a lazily begun epoch is this plus one. */
  private long lastEpoch;
  /** Epoch receiving the rows, or 0 when none is open. */
  private long currentEpoch;
  /** Whether the current epoch was begun by a write rather than by {@link #begin(long)}. */
  private boolean currentIsLazy;
  /** Channel of the current epoch's in-progress file, or null before its first row. */
  private FileChannel channel;
  private Writer writer;
  private boolean closed;

  /**
   * Creates the sink; the directory must exist.
   *
   * @param sink the sink name, part of every file name
   * @param schema the columns of the rows
   * @param directory the output directory
   * @param format the file format
   */
  FileSinkConnector(String sink, Schema schema, Path directory, FileFormat format) {
    this.sink = sink;
    this.directory = directory;
    this.format = format;
    this.names = new SinkFileNames(sink, format.extension);
    this.encoder = RowEncoder.of(format, schema);
  }

  /**
   * Output directory.
   *
   * @return the absolute directory path
   */
  public Path directory() {
    return directory;
  }

  /**
   * File-name extension of the format, without the dot: {@code csv} or {@code json}.
   *
   * @return the extension
   */
  public String extension() {
    return format.extension;
  }

  /**
   * Recovery after a restart: commits every pending file of an epoch up to {@code
   * committedEpoch} (their rows are covered by the checkpoint and will not be produced again),
   * deletes the pending files of later epochs and every in-progress file of this sink. Committed
   * files are never touched. {@code state} is not needed: file names follow from the epochs.
   */
  @Override
  public void recover(long committedEpoch, String state) {
    if (channel != null) {
      throw new IllegalStateException("sink " + sink + ": recover must come before the first "
          + "write, but epoch " + currentEpoch + " is being written");
    }
    List<Long> toCommit = new ArrayList<>();
    List<Path> toDelete = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        long epoch = names.pendingEpoch(name);
        if (epoch >= 0) {
          if (epoch <= committedEpoch) {
            toCommit.add(epoch);
          } else {
            toDelete.add(file);
          }
        } else if (names.inProgressEpoch(name) >= 0) {
          toDelete.add(file);
        }
      }
    } catch (IOException e) {
      throw io("cannot list directory " + directory, e);
    }
    toCommit.sort(null);
    for (long epoch : toCommit) {
      commit(epoch);
    }
    for (Path file : toDelete) {
      delete(file);
    }
    if (!toDelete.isEmpty()) {
      forceDirectory();
    }
    lastEpoch = Math.max(lastEpoch, committedEpoch);
    currentEpoch = 0;
    currentIsLazy = false;
  }

  /** Start of an epoch; its file is created at its first row, so an empty epoch leaves no file. */
  @Override
  public void begin(long epoch) {
    checkOpen();
    if (epoch <= lastEpoch) {
      throw new IllegalArgumentException("sink " + sink + ": epoch " + epoch
          + " does not follow epoch " + lastEpoch);
    }
    if (currentEpoch != 0) {
      if (!currentIsLazy) {
        throw new IllegalStateException("sink " + sink + ": begin(" + epoch + ") while epoch "
            + currentEpoch + " is not pre-committed");
      }
      adoptLazyEpoch(epoch);
    }
    lastEpoch = epoch;
    currentEpoch = epoch;
    currentIsLazy = false;
  }

  /**
   * Output of rows: appends them to the current epoch's in-progress file, creating it (with the
   * CSV header) at the epoch's first row. Without a current epoch (no {@link #begin(long)} yet,
   * as in a database that never checkpoints) the next epoch is begun implicitly.
   */
  @Override
  public void write(Chunk chunk) {
    checkOpen();
    if (chunk.size == 0) {
      return;
    }
    if (currentEpoch == 0) {
      currentEpoch = lastEpoch + 1;
      currentIsLazy = true;
    }
    if (channel == null) {
      openFile(false);
    }
    for (int r = 0; r < chunk.size; r++) {
      encoder.row(chunk, r, buffer);
      if (buffer.length() >= FLUSH_CHARS) {
        drainBuffer();
      }
    }
  }

  /**
   * Pre-commit of an epoch at the checkpoint barrier: flushes, forces and closes the epoch's file
   * and renames it to its pending name, forcing the directory.
   *
   * @return the pending file's name, or the empty string when the epoch had no rows
   */
  @Override
  public String preCommit(long epoch) {
    checkOpen();
    if (currentEpoch != epoch) {
      if (currentEpoch == 0) {
        // not begun, so nothing written
        lastEpoch = Math.max(lastEpoch, epoch);
        return "";
      }
      if (!currentIsLazy || epoch <= lastEpoch) {
        throw new IllegalStateException("sink " + sink + ": preCommit(" + epoch
            + ") while epoch " + currentEpoch + " is open");
      }
      adoptLazyEpoch(epoch);
    }
    lastEpoch = Math.max(lastEpoch, epoch);
    currentEpoch = 0;
    currentIsLazy = false;
    if (channel == null) {
      return "";
    }
    drainBuffer();
    try {
      writer.flush();
      channel.force(true);
    } catch (IOException e) {
      throw io("cannot write " + directory.resolve(names.inProgress(epoch)), e);
    } finally {
      closeFile();
    }
    String pending = names.pending(epoch);
    move(names.inProgress(epoch), pending);
    forceDirectory();
    return pending;
  }

  /**
   * Commit of a pre-committed epoch: renames its pending file to the final, visible name and
   * forces the directory; does nothing when the final file exists already (a repeated commit) or
   * the epoch wrote no file.
   */
  @Override
  public void commit(long epoch) {
    Path target = directory.resolve(names.committed(epoch));
    if (Files.exists(target)) {
      return;
    }
    Path pending = directory.resolve(names.pending(epoch));
    if (!Files.exists(pending)) {
      return;
    }
    move(names.pending(epoch), names.committed(epoch));
    forceDirectory();
  }

  /** Abort of an epoch: deletes its in-progress and pending files, closing the first if open. */
  @Override
  public void abort(long epoch) {
    if (epoch == currentEpoch) {
      closeFile();
      buffer.setLength(0);
      currentEpoch = 0;
      currentIsLazy = false;
    }
    delete(directory.resolve(names.inProgress(epoch)));
    delete(directory.resolve(names.pending(epoch)));
  }

  /**
   * Shutdown without commit: closes the open file, whose in-progress file stays until {@link
   * #recover(long, String)} discards it.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (channel != null) {
        drainBuffer();
        writer.flush();
      }
    } catch (IOException e) {
      throw io("cannot write " + directory.resolve(names.inProgress(currentEpoch)), e);
    } finally {
      closeFile();
    }
  }

  /** Moves the rows of the lazily begun current epoch to {@code epoch}. */
  private void adoptLazyEpoch(long epoch) {
    if (channel != null && epoch != currentEpoch) {
      drainBuffer();
      try {
        writer.flush();
      } catch (IOException e) {
        throw io("cannot write " + directory.resolve(names.inProgress(currentEpoch)), e);
      } finally {
        closeFile();
      }
      move(names.inProgress(currentEpoch), names.inProgress(epoch));
      currentEpoch = epoch;
      openFile(true);
    }
    currentEpoch = epoch;
  }

  private void openFile(boolean append) {
    Path file = directory.resolve(names.inProgress(currentEpoch));
    Path committed = directory.resolve(names.committed(currentEpoch));
    if (Files.exists(committed)) {
      // Epochs only grow, so this file was not made by this sink since its last recovery: an
      // earlier database or sink of the same name wrote here. Its commit would be taken for a
      // repeated one and this epoch's rows silently lost.
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "FILES sink " + sink + " cannot write epoch " + currentEpoch + ": " + committed
              + " exists already, written by an earlier database or sink of the same name; "
              + "move the old files away or give the sink another path");
    }
    try {
      channel = append
          ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
          : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw io("cannot create " + file, e);
    }
    writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
    if (!append) {
      encoder.header(buffer);
    }
  }

  private void drainBuffer() {
    if (buffer.length() == 0) {
      return;
    }
    try {
      writer.append(buffer);
    } catch (IOException e) {
      throw io("cannot write " + directory.resolve(names.inProgress(currentEpoch)), e);
    }
    buffer.setLength(0);
  }

  /** Closes the open file, if any, ignoring failures (its contents no longer matter then). */
  private void closeFile() {
    FileChannel ch = channel;
    Writer w = writer;
    channel = null;
    writer = null;
    buffer.setLength(0);
    if (ch == null) {
      return;
    }
    try {
      w.close();
    } catch (IOException e) {
      // the channel may already be unusable; make sure it is released
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  private void move(String from, String to) {
    Path source = directory.resolve(from);
    Path target = directory.resolve(to);
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw io("cannot rename " + source + " to " + to, e);
    }
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw io("cannot delete " + file, e);
    }
  }

  /** Makes renames and deletions in the directory durable, where the platform allows it. */
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some platforms (Windows) cannot open or force a directory
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "sink " + sink + " is closed");
    }
  }

  private static LaminarDBException io(String message, IOException e) {
    return new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
        message + ": " + e, e);
  }
}
