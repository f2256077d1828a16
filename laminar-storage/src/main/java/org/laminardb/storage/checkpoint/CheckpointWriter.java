package org.laminardb.storage.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Writes one checkpoint: state files, then the manifest that makes it complete. Obtained from
 * {@link CheckpointStore#begin(long)}; not thread-safe (one thread writes a checkpoint, one state
 * file at a time). Closing a writer that was not completed aborts it.
 */
public final class CheckpointWriter implements AutoCloseable {
  private final CheckpointStore store;
  private final Path dir;
  private final long epoch;
  private final long startedAtMillis;
  private final Map<String, StateFileRef> written = new LinkedHashMap<>();
  private boolean fileOpen;
  private boolean done;

  CheckpointWriter(CheckpointStore store, Path dir, long epoch, long startedAtMillis) {
    this.store = store;
    this.dir = dir;
    this.epoch = epoch;
    this.startedAtMillis = startedAtMillis;
  }

  /**
   * Returns the epoch.
   *
   * @return the epoch of the checkpoint being written
   */
  public long epoch() {
    return epoch;
  }

  /**
   * Opens a state file for writing. The data goes to {@code <name>.tmp}; {@code close()} appends
   * the trailer (length and CRC32C), forces the file and renames it to {@code <name>}.
   *
   * @param name the file name: 1 to 200 characters {@code [A-Za-z0-9_.-]}, not starting with '.'
   *     or '-', not ending with {@code .tmp}, not {@code manifest}; unique within the checkpoint
   * @return the stream; close it before opening the next one or completing
   * @throws IllegalArgumentException if the name is invalid or already written
   * @throws LaminarDBException 55000 if the writer is finished, another state file is open, or on
   *     I/O errors
   */
  public OutputStream stateFile(String name) {
    checkOpen();
    CheckpointFormat.checkStateFileName(name);
    if (written.containsKey(name)) {
      throw new IllegalArgumentException("state file " + name + " was already written");
    }
    if (fileOpen) {
      throw state("another state file is still open");
    }
    Path tmp = dir.resolve(name + CheckpointFormat.TMP_SUFFIX);
    try {
      FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      fileOpen = true;
      return new StateOutput(name, tmp, ch);
    } catch (IOException e) {
      throw io("cannot create " + tmp, e);
    }
  }

  /**
   * Writes a whole state file (see {@link #stateFile(String)}).
   *
   * @param name the file name
   * @param data the data
   * @throws IllegalArgumentException if the name is invalid or already written
   * @throws LaminarDBException 55000 if the writer is finished or on I/O errors
   */
  public void writeStateFile(String name, byte[] data) {
    Objects.requireNonNull(data, "data");
    try (OutputStream out = stateFile(name)) {
      out.write(data);
    } catch (IOException e) {
      throw io("cannot write state file " + name, e);
    }
  }

  /**
   * Takes an unchanged state file over from an earlier checkpoint of this store, as a hard link
   * (a copy where the file system has none): incremental checkpoints rewrite only what changed.
   *
   * @param name the file name in this checkpoint
   * @param from the earlier checkpoint's file, complete and checked when that checkpoint was
   *     written
   * @param ref its reference (length and CRC32C of the data) in the earlier manifest
   * @throws IllegalArgumentException if the name is invalid or already written
   * @throws LaminarDBException 55000 if the writer is finished or on I/O errors
   */
  public void reuseStateFile(String name, Path from, StateFileRef ref) {
    checkOpen();
    CheckpointFormat.checkStateFileName(name);
    if (written.containsKey(name)) {
      throw new IllegalArgumentException("state file " + name + " was already written");
    }
    Path target = dir.resolve(name);
    try {
      try {
        Files.createLink(target, from);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(from, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
      }
    } catch (IOException e) {
      throw io("cannot take over state file " + from, e);
    }
    written.put(name, new StateFileRef(name, ref.length(), ref.crc()));
  }

  /**
   * Returns the state files written so far, in order.
   *
   * @return their references (name, data length, CRC32C)
   */
  public List<StateFileRef> stateFiles() {
    return Collections.unmodifiableList(new ArrayList<>(written.values()));
  }

  /**
   * Builds a manifest for this checkpoint from the state files written so far, with the time of
   * {@link CheckpointStore#begin(long)} as its creation time.
   *
   * @param sourceOffsets per source, the offset to resume from
   * @param watermarks per source or operator, the watermark
   * @param sinkStates per sink, its transaction state
   * @return the manifest, to pass to {@link #complete(Manifest)}
   */
  public Manifest manifest(Map<String, Long> sourceOffsets, Map<String, Long> watermarks,
      Map<String, String> sinkStates) {
    return new Manifest(epoch, startedAtMillis, sourceOffsets, watermarks, stateFiles(),
        sinkStates);
  }

  /**
   * Completes the checkpoint: forces the checkpoint directory and the store directory, writes the
   * manifest to {@code manifest.tmp}, forces it, renames it to {@code manifest} and forces the
   * directory again. Then the store deletes every checkpoint beyond the newest {@code keep}
   * complete ones and every incomplete one older than this epoch.
   *
   * @param manifest the manifest; its epoch must be this writer's and its state files exactly
   *     the ones written (same names, lengths and CRCs, in any order)
   * @throws IllegalArgumentException if the manifest does not match this checkpoint
   * @throws LaminarDBException 55000 if the writer is finished, a state file is still open, or on
   *     I/O errors (the checkpoint is then aborted)
   */
  public void complete(Manifest manifest) {
    Objects.requireNonNull(manifest, "manifest");
    checkOpen();
    if (fileOpen) {
      throw state("a state file is still open");
    }
    checkMatches(manifest);
    long now = System.currentTimeMillis();
    byte[] bytes = CheckpointFormat.encode(manifest, now);
    Path tmp = dir.resolve(CheckpointFormat.MANIFEST + CheckpointFormat.TMP_SUFFIX);
    try {
      CheckpointStore.forceDirectory(dir); // the state files' renames
      store.forceRoot(); // the checkpoint directory's entry
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        writeFully(ch, ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Files.move(tmp, dir.resolve(CheckpointFormat.MANIFEST), StandardCopyOption.ATOMIC_MOVE);
      CheckpointStore.forceDirectory(dir);
    } catch (IOException | RuntimeException e) {
      abort();
      throw e instanceof IOException io ? io("cannot write the manifest of epoch " + epoch, io)
          : (RuntimeException) e;
    }
    done = true;
    store.completed(this);
  }

  /** Deletes the partial checkpoint directory. Does nothing if already completed or aborted. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    store.aborted(this);
  }

  /** Aborts the checkpoint unless it was completed. */
  @Override
  public void close() {
    abort();
  }

  Path directory() {
    return dir;
  }

  private void checkMatches(Manifest m) {
    if (m.epoch() != epoch) {
      throw new IllegalArgumentException("manifest epoch " + m.epoch() + " != writer epoch "
          + epoch);
    }
    Map<String, StateFileRef> listed = new HashMap<>();
    for (StateFileRef ref : m.stateFiles()) {
      listed.put(ref.name(), ref);
    }
    if (!listed.equals(written)) {
      throw new IllegalArgumentException("manifest state files " + m.stateFiles()
          + " differ from the files written " + written.values());
    }
  }

  private void checkOpen() {
    if (done) {
      throw state("checkpoint " + epoch + " is already completed or aborted");
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private static LaminarDBException state(String message) {
    return new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, message);
  }

  private static LaminarDBException io(String message, IOException e) {
    return new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, message + ": " + e,
        e);
  }

  /** A state file being written: buffers, counts and checksums the data. */
  private final class StateOutput extends OutputStream {
    private final String name;
    private final Path tmp;
    private final FileChannel ch;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buf = ByteBuffer.allocate(64 << 10);
    private final byte[] one = new byte[1];
    private long length;
    private boolean closed;

    StateOutput(String name, Path tmp, FileChannel ch) {
      this.name = name;
      this.tmp = tmp;
      this.ch = ch;
    }

    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw new IOException("state file " + name + " is closed");
      }
      crc.update(b, off, len);
      length += len;
      while (len > 0) {
        int n = Math.min(len, buf.remaining());
        buf.put(b, off, n);
        off += n;
        len -= n;
        if (!buf.hasRemaining()) {
          drain();
        }
      }
    }

    private void drain() throws IOException {
      buf.flip();
      writeFully(ch, buf);
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      fileOpen = false;
      try (FileChannel c = ch) {
        drain();
        writeFully(c, ByteBuffer.wrap(CheckpointFormat.trailer(length, (int) crc.getValue())));
        c.force(true);
      }
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      written.put(name, new StateFileRef(name, length, (int) crc.getValue()));
    }
  }
}
