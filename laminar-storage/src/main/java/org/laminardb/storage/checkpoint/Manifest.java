package org.laminardb.storage.checkpoint;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The manifest of a checkpoint: what a recovery needs to restart from it. Immutable; the maps are
 * copied into unmodifiable maps sorted by key (so the binary encoding is deterministic), the list
 * keeps its order. The binary encoding is described in {@code docs/STORAGE.md}.
 *
 * @param epoch the checkpoint epoch, at least 1
 * @param createdAtMillis when the checkpoint started (its barrier), milliseconds since the epoch
 * @param sourceOffsets per source, the offset to resume from (e.g. the WAL LSN per source)
 * @param watermarks per source or operator, the watermark in microseconds at the checkpoint
 * @param stateFiles the state files of the checkpoint, with their lengths and CRC32Cs; names are
 *     unique
 * @param sinkStates per sink, its (pre-committed) transaction state, opaque to the store
 */
public record Manifest(long epoch, long createdAtMillis, Map<String, Long> sourceOffsets,
    Map<String, Long> watermarks, List<StateFileRef> stateFiles, Map<String, String> sinkStates) {
  /**
   * Creates a manifest, copying the collections.
   *
   * @param epoch the checkpoint epoch, at least 1
   * @param createdAtMillis when the checkpoint started
   * @param sourceOffsets per source, the offset to resume from
   * @param watermarks per source or operator, the watermark
   * @param stateFiles the state files of the checkpoint
   * @param sinkStates per sink, its transaction state
   * @throws IllegalArgumentException if the epoch is below 1 or a state file name repeats
   * @throws NullPointerException if a collection, key or value is null
   */
  public Manifest {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be at least 1, got " + epoch);
    }
    sourceOffsets = copy(sourceOffsets, "sourceOffsets");
    watermarks = copy(watermarks, "watermarks");
    sinkStates = copy(sinkStates, "sinkStates");
    stateFiles = List.copyOf(Objects.requireNonNull(stateFiles, "stateFiles"));
    Set<String> names = new HashSet<>();
    for (StateFileRef ref : stateFiles) {
      if (!names.add(ref.name())) {
        throw new IllegalArgumentException("state file " + ref.name() + " is listed twice");
      }
    }
  }

  /**
   * Returns the reference of a state file.
   *
   * @param name the state file name
   * @return its reference, or null if the manifest does not list it
   */
  public StateFileRef stateFile(String name) {
    for (StateFileRef ref : stateFiles) {
      if (ref.name().equals(name)) {
        return ref;
      }
    }
    return null;
  }

  private static <V> Map<String, V> copy(Map<String, V> map, String what) {
    Objects.requireNonNull(map, what);
    SortedMap<String, V> sorted = new TreeMap<>();
    for (Map.Entry<String, V> e : map.entrySet()) {
      sorted.put(Objects.requireNonNull(e.getKey(), what + " key"),
          Objects.requireNonNull(e.getValue(), what + " value"));
    }
    return Collections.unmodifiableSortedMap(sorted);
  }
}
