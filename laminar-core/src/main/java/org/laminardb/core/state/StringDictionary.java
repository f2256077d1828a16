package org.laminardb.core.state;

import java.util.Arrays;

/**
 * Interning of strings to dense int ids, so that string keys can be stored as one long word.
 *
 * <p>Open addressing with linear probing over the strings' own {@link String#hashCode()} (cached
 * by the JDK, spread by a mixer) with {@code equals} against the stored strings: a lookup
 * allocates nothing. {@link #id(String)} adds an id only for a string not seen before; the id is
 * stable until it is released.
 *
 * <p>Entries can be reference counted so that state keyed by strings does not keep every string
 * ever seen: {@link #retain(int)} when a key holding the id is stored, {@link #release(int)} when
 * it is removed; the entry is dropped (and the id reused) when its count falls to zero. An entry
 * that is never retained stays until {@link #clear()}.
 *
 * <p>Garbage free in steady state (allocation only when arrays grow). Not thread-safe.
 */
public final class StringDictionary {
  private static final int MAX_SLOTS = 1 << 30;

  private int[] slots;
  private int mask;
  private int growAt;
  private String[] values;
  private int[] hashes;
  private int[] refs;
  private int[] freeIds;
  private int freeCount;
  private int idLimit;
  private int size;

  /** Creates an empty dictionary. */
  public StringDictionary() {
    initSlots(16);
    values = new String[8];
    hashes = new int[8];
    refs = new int[8];
    freeIds = new int[8];
  }

  /**
   * Id of a string, adding it (with reference count 0) if it is new.
   *
   * @param s a non-null string
   * @return the id
   */
  public int id(String s) {
    int h = spread(s.hashCode());
    int p = h & mask;
    int id;
    while ((id = slots[p]) >= 0) {
      if (hashes[id] == h && values[id].equals(s)) {
        return id;
      }
      p = (p + 1) & mask;
    }
    id = allocateId();
    values[id] = s;
    hashes[id] = h;
    refs[id] = 0;
    slots[p] = id;
    if (++size > growAt) {
      resize(slots.length << 1);
    }
    return id;
  }

  /**
   * Id of a string if present.
   *
   * @param s a non-null string
   * @return the id, or -1 if absent
   */
  public int find(String s) {
    int h = spread(s.hashCode());
    int p = h & mask;
    int id;
    while ((id = slots[p]) >= 0) {
      if (hashes[id] == h && values[id].equals(s)) {
        return id;
      }
      p = (p + 1) & mask;
    }
    return -1;
  }

  /**
   * String of an id.
   *
   * @param id a present id
   * @return the string
   */
  public String value(int id) {
    return values[id];
  }

  /**
   * Adds a reference to an id.
   *
   * @param id a present id
   */
  public void retain(int id) {
    refs[id]++;
  }

  /**
   * Drops a reference to an id; the entry is removed when no reference is left.
   *
   * @param id a present, retained id
   * @throws IllegalStateException if the id holds no reference
   */
  public void release(int id) {
    if (id < 0 || id >= idLimit || values[id] == null || refs[id] <= 0) {
      throw new IllegalStateException("string id released without a reference: id=" + id);
    }
    if (--refs[id] == 0) {
      remove(id);
    }
  }

  /**
   * Number of distinct strings present.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /** Removes every string. */
  public void clear() {
    Arrays.fill(slots, -1);
    Arrays.fill(values, null);
    freeCount = 0;
    idLimit = 0;
    size = 0;
  }

  /**
   * Estimate of the heap bytes held by the dictionary's arrays (not the strings themselves).
   *
   * @return bytes
   */
  public long memoryBytes() {
    return 4L * slots.length + 12L * values.length + 4L * freeIds.length + 64;
  }

  private static int spread(int h) {
    int x = h * 0x9E3779B1;
    return x ^ (x >>> 16);
  }

  private void remove(int id) {
    int p = hashes[id] & mask;
    while (slots[p] != id) {
      p = (p + 1) & mask;
    }
    int hole = p;
    int j = p;
    while (true) {
      j = (j + 1) & mask;
      int e = slots[j];
      if (e < 0) {
        break;
      }
      int home = hashes[e] & mask;
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        slots[hole] = e;
        hole = j;
      }
    }
    slots[hole] = -1;
    values[id] = null;
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, freeCount * 2);
    }
    freeIds[freeCount++] = id;
    size--;
  }

  private int allocateId() {
    if (freeCount > 0) {
      return freeIds[--freeCount];
    }
    if (idLimit == values.length) {
      int n = values.length * 2;
      values = Arrays.copyOf(values, n);
      hashes = Arrays.copyOf(hashes, n);
      refs = Arrays.copyOf(refs, n);
    }
    return idLimit++;
  }

  private void initSlots(int capacity) {
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    mask = capacity - 1;
    growAt = (int) (capacity * 0.6);
  }

  private void resize(int capacity) {
    if (capacity > MAX_SLOTS) {
      throw new IllegalStateException("string dictionary full: " + size + " strings");
    }
    int[] old = slots;
    initSlots(capacity);
    for (int id : old) {
      if (id >= 0) {
        int p = hashes[id] & mask;
        while (slots[p] >= 0) {
          p = (p + 1) & mask;
        }
        slots[p] = id;
      }
    }
  }
}
