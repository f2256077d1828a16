package org.laminardb.storage.checkpoint;

import java.nio.file.Path;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * A complete checkpoint found by {@link CheckpointStore#latestValid()}: its manifest and access to
 * its state files. Immutable and thread-safe.
 */
public final class Checkpoint {
  private final Path dir;
  private final Manifest manifest;
  private final long completedAtMillis;

  Checkpoint(Path dir, Manifest manifest, long completedAtMillis) {
    this.dir = dir;
    this.manifest = manifest;
    this.completedAtMillis = completedAtMillis;
  }

  /**
   * Returns the epoch.
   *
   * @return the checkpoint epoch
   */
  public long epoch() {
    return manifest.epoch();
  }

  /**
   * Returns the manifest.
   *
   * @return the manifest as written by {@link CheckpointWriter#complete(Manifest)}
   */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * Returns when the checkpoint was completed.
   *
   * @return the time its manifest was written, milliseconds since the epoch
   */
  public long completedAtMillis() {
    return completedAtMillis;
  }

  /**
   * Returns the checkpoint directory.
   *
   * @return {@code <store>/epoch-<20 digits>}
   */
  public Path directory() {
    return dir;
  }

  /**
   * Reads a state file, checking its size, trailer and CRC32C against the manifest again.
   *
   * @param name a state file name listed in the manifest
   * @return its data
   * @throws LaminarDBException XX001 if the file is missing or does not match the manifest,
   *     42704 if the manifest does not list it
   */
  public byte[] readStateFile(String name) {
    StateFileRef ref = manifest.stateFile(name);
    if (ref == null) {
      throw new LaminarDBException(ErrorCode.UNDEFINED_OBJECT, "checkpoint " + epoch()
          + " has no state file '" + name + "'");
    }
    return CheckpointFormat.readStateFile(dir.resolve(name), ref);
  }

  /**
   * Opens a state file for reading as a stream (for files too large for one array); its size is
   * checked now, its CRC32C and trailer when the last byte has been read.
   *
   * @param name a state file name listed in the manifest
   * @return the data as a stream (without the trailer); close it after use
   * @throws LaminarDBException XX001 if the file is missing or has the wrong size, 42704 if the
   *     manifest does not list it
   */
  public java.io.InputStream openStateFile(String name) {
    return CheckpointFormat.openStateFile(dir.resolve(name), stateFileRef(name));
  }

  /**
   * The manifest's reference of a state file: its data length and CRC32C.
   *
   * @param name a state file name listed in the manifest
   * @return the reference
   * @throws LaminarDBException 42704 if the manifest does not list it
   */
  public StateFileRef stateFileRef(String name) {
    StateFileRef ref = manifest.stateFile(name);
    if (ref == null) {
      throw new LaminarDBException(ErrorCode.UNDEFINED_OBJECT, "checkpoint " + epoch()
          + " has no state file '" + name + "'");
    }
    return ref;
  }

  @Override
  public String toString() {
    return "Checkpoint[epoch=" + epoch() + ", dir=" + dir + "]";
  }
}
