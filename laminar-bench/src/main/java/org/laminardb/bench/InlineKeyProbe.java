package org.laminardb.bench;

/**
 * Minimal open-addressing table of one-word keys stored inline in the slot array ({@code key, id}
 * pairs side by side), with the same hash, load factor and linear probing as {@link
 * org.laminardb.core.state.LongKeyTable}. A benchmark baseline only: it shows what a lookup costs
 * when the key sits in the slot's cache line instead of in a separate arena, which saves the
 * second, dependent cache miss of every lookup in a table larger than the caches.
 */
final class InlineKeyProbe {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long SEED = 0x27D4EB2F165667C5L;

  private final long[] slots;
  private final int mask;

  /**
   * Builds the table over distinct keys; ids are the keys' positions.
   *
   * @param keys the keys, none equal to {@link Long#MIN_VALUE} (the empty marker)
   */
  InlineKeyProbe(long[] keys) {
    int slotCount = Integer.highestOneBit(Math.max(8, keys.length * 2 - 1)) << 1;
    mask = slotCount - 1;
    slots = new long[slotCount * 2];
    for (int i = 0; i < slotCount; i++) {
      slots[2 * i] = Long.MIN_VALUE;
    }
    for (int id = 0; id < keys.length; id++) {
      int s = hash(keys[id]) & mask;
      while (slots[2 * s] != Long.MIN_VALUE) {
        s = (s + 1) & mask;
      }
      slots[2 * s] = keys[id];
      slots[2 * s + 1] = id;
    }
  }

  /**
   * Id of a key.
   *
   * @param k the key
   * @return its id, or -1 if absent
   */
  int get(long k) {
    int s = hash(k) & mask;
    long e;
    while ((e = slots[2 * s]) != Long.MIN_VALUE) {
      if (e == k) {
        return (int) slots[2 * s + 1];
      }
      s = (s + 1) & mask;
    }
    return -1;
  }

  private static int hash(long k) {
    long h = Long.rotateLeft(SEED + k * P2, 31) * P1;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
