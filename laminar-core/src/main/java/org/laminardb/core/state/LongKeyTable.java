package org.laminardb.core.state;

import java.util.Arrays;

/**
 * Open-addressing hash table mapping fixed-width keys of {@code width} longs to dense int ids.
 *
 * <p>Keys live in one {@code long[]} arena at {@code id * width}; the slot array holds, per used
 * slot, the id together with 32 bits of the key's hash (so that probing rarely touches the arena
 * and growth never rehashes keys). Probing is linear over a power-of-two slot array kept at most
 * 60% full; deletion shifts later entries of the probe chain back, so there are no tombstones and
 * lookups stay fast after many deletes.
 *
 * <p>Tables of one-word keys also keep each key beside its slot entry, so that the
 * single-word lookups of {@link #get(long)} and {@link #getOrAdd(long)} cost one memory access
 * on a large table, not two dependent ones.
 *
 * <p>An id stays stable while its key is present. A removed id goes to a free list and is handed
 * out again before any id that was never used, so ids stay dense and {@link #idLimit()} bounds
 * parallel per-id arrays kept by callers (struct-of-arrays state). Live ids can be iterated
 * without allocation with {@link #nextLive(int)}.
 *
 * <p>Garbage free in steady state: memory is allocated only when the slot array or the key arena
 * grows (by doubling). Not thread-safe; owned by one reactor thread.
 */
public final class LongKeyTable {
  private static final long EMPTY = -1L;
  private static final int MAX_SLOTS = 1 << 30;
  private static final int MAX_ARENA = Integer.MAX_VALUE - 16;
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long SEED = 0x27D4EB2F165667C5L;

  private final int width;
  /**
   * Per slot {@code (hash32 << 32) | id}, or {@link #EMPTY}, at index {@code s << shift}. Tables of
   * one-word keys ({@code shift == 1}) keep the slot's key right after its entry, at
   * {@code (s << 1) + 1}, so that a lookup reads one cache line instead of following the id into
   * the arena (one memory access instead of two dependent ones on large tables).
   */
  private long[] slots;
  private final int shift;
  private int mask;
  private int growAt;
  private long[] keys;
  private int idCapacity;
  private long[] live;
  private int[] freeIds;
  private int freeCount;
  private int idLimit;
  private int size;
  private boolean lastAdded;

  /**
   * Creates a table sized for a few keys.
   *
   * @param width longs per key, at least 1
   */
  public LongKeyTable(int width) {
    this(width, 16);
  }

  /**
   * Creates a table sized to hold some keys before it first grows.
   *
   * @param width longs per key, at least 1
   * @param expectedKeys keys expected, at least 1
   */
  public LongKeyTable(int width, int expectedKeys) {
    if (width < 1) {
      throw new IllegalArgumentException("key width must be at least 1: width=" + width);
    }
    if (expectedKeys < 1 || expectedKeys > MAX_SLOTS / 2) {
      throw new IllegalArgumentException(
          "expected keys must be 1.." + MAX_SLOTS / 2 + ": expectedKeys=" + expectedKeys);
    }
    this.width = width;
    this.shift = width == 1 ? 1 : 0;
    int slotCount = Integer.highestOneBit(Math.max(8, expectedKeys * 2 - 1)) << 1;
    initSlots(Math.min(slotCount, MAX_SLOTS));
    this.idCapacity = Math.max(4, expectedKeys);
    if ((long) idCapacity * width > MAX_ARENA) {
      throw new IllegalArgumentException(
          "expected keys times width too large: expectedKeys=" + expectedKeys + ", width=" + width);
    }
    this.keys = new long[idCapacity * width];
    this.live = new long[(idCapacity + 63) >>> 6];
    this.freeIds = new int[16];
  }

  /**
   * Longs per key.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * Id of a key, adding it if absent; see {@link #lastAdded()}.
   *
   * @param key array holding the key in its first {@code width} elements
   * @return the id
   */
  public int getOrAdd(long[] key) {
    return getOrAdd(key, 0);
  }

  /**
   * Id of a key, adding it if absent; see {@link #lastAdded()}.
   *
   * @param key array holding the key
   * @param offset index of the key's first word in {@code key}
   * @return the id
   */
  public int getOrAdd(long[] key, int offset) {
    int h = (int) hash(key, offset);
    int s = h & mask;
    long e;
    while ((e = slots[s << shift]) != EMPTY) {
      if ((int) (e >>> 32) == h && (shift == 1 ? slots[(s << 1) + 1] == key[offset]
          : equalsAt((int) e, key, offset))) {
        lastAdded = false;
        return (int) e;
      }
      s = (s + 1) & mask;
    }
    int id = allocateId();
    System.arraycopy(key, offset, keys, id * width, width);
    return insertAt(s, h, id);
  }

  /**
   * Id of a one-word key, adding it if absent; see {@link #lastAdded()}. Only for width 1.
   *
   * @param k the key
   * @return the id
   * @throws IllegalStateException if the width is not 1
   */
  public int getOrAdd(long k) {
    requireWidthOne();
    int h = (int) hashOne(k);
    int s = h & mask;
    long e;
    while ((e = slots[s << 1]) != EMPTY) {
      if ((int) (e >>> 32) == h && slots[(s << 1) + 1] == k) {
        lastAdded = false;
        return (int) e;
      }
      s = (s + 1) & mask;
    }
    int id = allocateId();
    keys[id] = k;
    return insertAt(s, h, id);
  }

  /**
   * Whether the last {@code getOrAdd} call added its key (rather than finding it).
   *
   * @return true if the last key was new
   */
  public boolean lastAdded() {
    return lastAdded;
  }

  /**
   * Id of a key.
   *
   * @param key array holding the key in its first {@code width} elements
   * @return the id, or -1 if absent
   */
  public int get(long[] key) {
    return get(key, 0);
  }

  /**
   * Id of a key.
   *
   * @param key array holding the key
   * @param offset index of the key's first word in {@code key}
   * @return the id, or -1 if absent
   */
  public int get(long[] key, int offset) {
    int h = (int) hash(key, offset);
    int s = h & mask;
    long e;
    while ((e = slots[s << shift]) != EMPTY) {
      if ((int) (e >>> 32) == h && (shift == 1 ? slots[(s << 1) + 1] == key[offset]
          : equalsAt((int) e, key, offset))) {
        return (int) e;
      }
      s = (s + 1) & mask;
    }
    return -1;
  }

  /**
   * Id of a one-word key. Only for width 1.
   *
   * @param k the key
   * @return the id, or -1 if absent
   * @throws IllegalStateException if the width is not 1
   */
  public int get(long k) {
    requireWidthOne();
    int h = (int) hashOne(k);
    int s = h & mask;
    long e;
    while ((e = slots[s << 1]) != EMPTY) {
      if ((int) (e >>> 32) == h && slots[(s << 1) + 1] == k) {
        return (int) e;
      }
      s = (s + 1) & mask;
    }
    return -1;
  }

  /**
   * Removes the key of a live id; the id goes to the free list and will be handed out again.
   *
   * @param id a live id
   * @throws IllegalArgumentException if the id is not live
   */
  public void remove(int id) {
    if (!isLive(id)) {
      throw new IllegalArgumentException("id is not live: id=" + id);
    }
    int h = (int) hash(keys, id * width);
    int s = h & mask;
    while ((int) slots[s << shift] != id) {
      s = (s + 1) & mask;
    }
    shiftBack(s);
    live[id >>> 6] &= ~(1L << id);
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, freeCount * 2);
    }
    freeIds[freeCount++] = id;
    size--;
  }

  /**
   * One word of the key of a live id.
   *
   * @param id a live id
   * @param i word index, {@code 0 <= i < width}
   * @return the word
   */
  public long key(int id, int i) {
    return keys[id * width + i];
  }

  /**
   * Copies the key of a live id.
   *
   * @param id a live id
   * @param out destination
   * @param offset index in {@code out} of the first word
   */
  public void copyKey(int id, long[] out, int offset) {
    System.arraycopy(keys, id * width, out, offset, width);
  }

  /**
   * Number of keys present.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Bound on ids: every id handed out so far is below it. Size per-id arrays to it.
   *
   * @return one more than the largest id ever used
   */
  public int idLimit() {
    return idLimit;
  }

  /**
   * Whether an id currently holds a key.
   *
   * @param id any int
   * @return true if the id is live
   */
  public boolean isLive(int id) {
    return id >= 0 && id < idLimit && (live[id >>> 6] & (1L << id)) != 0;
  }

  /**
   * Smallest live id at or after a position, for allocation-free iteration: {@code for (int id =
   * t.nextLive(0); id >= 0; id = t.nextLive(id + 1))}.
   *
   * @param from first id to consider, at least 0
   * @return a live id, or -1 if there is none from {@code from} on
   */
  public int nextLive(int from) {
    if (from >= idLimit) {
      return -1;
    }
    int w = from >>> 6;
    long bits = live[w] & (-1L << from);
    int lastWord = (idLimit - 1) >>> 6;
    while (bits == 0) {
      if (++w > lastWord) {
        return -1;
      }
      bits = live[w];
    }
    int id = (w << 6) + Long.numberOfTrailingZeros(bits);
    return id < idLimit ? id : -1;
  }

  /** Removes every key; ids restart at 0. Keeps the allocated capacity. */
  public void clear() {
    Arrays.fill(slots, EMPTY);
    Arrays.fill(live, 0L);
    freeCount = 0;
    idLimit = 0;
    size = 0;
    lastAdded = false;
  }

  /**
   * Estimate of the heap bytes held by the table's arrays.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return 8L * slots.length + 8L * keys.length + 8L * live.length + 4L * freeIds.length + 96;
  }

  /**
   * Hash of a key of this table's width, as used to place it; exposed for callers that shard.
   *
   * @param key array holding the key
   * @param offset index of the key's first word
   * @return 64-bit hash
   */
  public long hash(long[] key, int offset) {
    long h = SEED;
    for (int i = 0; i < width; i++) {
      h = round(h, key[offset + i]);
    }
    return mix(h);
  }

  private static long hashOne(long k) {
    return mix(round(SEED, k));
  }

  private static long round(long h, long k) {
    return Long.rotateLeft(h + k * P2, 31) * P1;
  }

  /** Murmur3 64-bit finalizer: every input bit affects every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  private boolean equalsAt(int id, long[] key, int offset) {
    int base = id * width;
    for (int i = 0; i < width; i++) {
      if (keys[base + i] != key[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private void requireWidthOne() {
    if (width != 1) {
      throw new IllegalStateException("single-word lookup on a table of width " + width);
    }
  }

  private int insertAt(int s, int h, int id) {
    slots[s << shift] = ((long) h << 32) | id;
    if (shift == 1) {
      slots[(s << 1) + 1] = keys[id];
    }
    live[id >>> 6] |= 1L << id;
    size++;
    lastAdded = true;
    if (size > growAt) {
      grow();
    }
    return id;
  }

  private int allocateId() {
    if (freeCount > 0) {
      return freeIds[--freeCount];
    }
    if (idLimit == idCapacity) {
      growArena();
    }
    return idLimit++;
  }

  private void growArena() {
    long wanted = Math.min((long) idCapacity * 2, MAX_ARENA / width);
    if (wanted <= idCapacity) {
      throw new IllegalStateException(
          "key table full: " + idCapacity + " keys of width " + width);
    }
    idCapacity = (int) wanted;
    keys = Arrays.copyOf(keys, idCapacity * width);
    live = Arrays.copyOf(live, (idCapacity + 63) >>> 6);
  }

  private void initSlots(int capacity) {
    slots = new long[capacity << shift];
    Arrays.fill(slots, EMPTY);
    mask = capacity - 1;
    growAt = (int) (capacity * 0.6);
  }

  private void grow() {
    int slotCount = mask + 1;
    if (slotCount < MAX_SLOTS) {
      resize(slotCount << 1);
    } else if (size >= slotCount - (slotCount >>> 3)) {
      throw new IllegalStateException("key table full: " + size + " keys");
    }
  }

  private void resize(int capacity) {
    long[] old = slots;
    int oldCount = mask + 1;
    initSlots(capacity);
    for (int i = 0; i < oldCount; i++) {
      long e = old[i << shift];
      if (e != EMPTY) {
        int s = (int) (e >>> 32) & mask;
        while (slots[s << shift] != EMPTY) {
          s = (s + 1) & mask;
        }
        slots[s << shift] = e;
        if (shift == 1) {
          slots[(s << 1) + 1] = old[(i << 1) + 1];
        }
      }
    }
  }

  /** Backward-shift deletion: empties slot {@code s} and moves later chain members back. */
  private void shiftBack(int s) {
    int hole = s;
    int j = s;
    while (true) {
      j = (j + 1) & mask;
      long e = slots[j << shift];
      if (e == EMPTY) {
        break;
      }
      int home = (int) (e >>> 32) & mask;
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        slots[hole << shift] = e;
        if (shift == 1) {
          slots[(hole << 1) + 1] = slots[(j << 1) + 1];
        }
        hole = j;
      }
    }
    slots[hole << shift] = EMPTY;
  }
}
