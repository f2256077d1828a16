package org.laminardb.storage.checkpoint;

import java.util.Objects;

/**
 * A state file of a checkpoint as listed in its {@link Manifest}.
 *
 * @param name the file name inside the checkpoint directory (see
 *     {@link CheckpointWriter#stateFile(String)} for the allowed names)
 * @param length the number of data bytes, excluding the file's 12-byte trailer
 * @param crc the CRC32C of the data bytes, as the low 32 bits of {@code CRC32C.getValue()}
 */
public record StateFileRef(String name, long length, int crc) {
  /**
   * Creates a reference.
   *
   * @param name the file name inside the checkpoint directory
   * @param length the number of data bytes, at least 0
   * @param crc the CRC32C of the data bytes
   * @throws IllegalArgumentException if the name is not allowed or the length is negative
   */
  public StateFileRef {
    Objects.requireNonNull(name, "name");
    CheckpointFormat.checkStateFileName(name);
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length);
    }
  }
}
