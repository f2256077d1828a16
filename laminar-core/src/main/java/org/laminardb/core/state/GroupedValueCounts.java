package org.laminardb.core.state;

import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;

/**
 * Multiset of non-NULL values per group: how many times each distinct value occurs in each group,
 * optionally with the distinct values of each group kept in order. The state behind {@code
 * COUNT/SUM/AVG(DISTINCT x)} and behind {@code MIN}/{@code MAX} under retraction.
 *
 * <p>Design notes. An entry is one distinct (group, value) pair, stored in a {@link LongKeyTable}
 * of width 2 (group id, value word) whose dense ids index parallel arrays: the count, and for the
 * ordered variant a treap node (left child, right child, random priority). Each group has its own
 * treap root, so a group's smallest or largest value is found in O(log d) for d distinct values
 * in the group, and inserting or deleting a distinct value costs O(log d); adding or removing an
 * occurrence of a value already present only touches the hash table and the count (O(1)). This
 * keeps MIN and MAX correct when the current extreme is retracted, without rescanning the group,
 * even when the extreme is deleted repeatedly (as in sliding windows). Value words are the value
 * for LONG kinds, {@link KeyEncoder#doubleBits(double)} for doubles (ordered by {@link
 * Double#compare}) and a reference-counted {@link StringDictionary} id for strings (ordered by
 * {@link String#compareTo}).
 *
 * <p>Garbage free in steady state: allocation only when arrays grow. Not thread-safe.
 */
public final class GroupedValueCounts {
  private static final byte LONG = 0;
  private static final byte DOUBLE = 1;
  private static final byte STRING = 2;

  private final byte kind;
  private final boolean ordered;
  private final LongKeyTable table = new LongKeyTable(2);
  private final StringDictionary dictionary;
  private final long[] key = new long[2];
  private long[] counts = new long[16];
  private int[] groupSizes = new int[16];
  /** Per group: first entry of its doubly linked entry list, -1 for none. */
  private int[] heads = filled(16);
  private int[] next = new int[16];
  private int[] prev = new int[16];
  private int[] roots;
  private final Treap treap;

  /**
   * Creates an empty multiset.
   *
   * @param kind physical kind of the values
   * @param ordered whether to keep each group's values in order ({@link #first}, {@link #last})
   */
  public GroupedValueCounts(PhysicalKind kind, boolean ordered) {
    this.kind = kind == PhysicalKind.LONG ? LONG : kind == PhysicalKind.DOUBLE ? DOUBLE : STRING;
    this.ordered = ordered;
    this.dictionary = this.kind == STRING ? new StringDictionary() : null;
    this.treap = ordered ? new Treap(this::compare, false) : null;
    if (ordered) {
      roots = filled(16);
    }
  }

  /**
   * Makes room for group ids below a bound.
   *
   * @param groups one more than the largest group id to be used
   */
  public void ensureGroupCapacity(int groups) {
    if (groups <= groupSizes.length) {
      return;
    }
    int n = Math.max(groupSizes.length * 2, groups);
    groupSizes = Arrays.copyOf(groupSizes, n);
    int oldHeads = heads.length;
    heads = Arrays.copyOf(heads, n);
    Arrays.fill(heads, oldHeads, n, -1);
    if (ordered) {
      int old = roots.length;
      roots = Arrays.copyOf(roots, n);
      Arrays.fill(roots, old, n, -1);
    }
  }

  /**
   * Entry of the value at a row in a group.
   *
   * @param group group id
   * @param col column holding the value
   * @param row row index; the value must not be NULL
   * @return the entry id, or -1 if the value does not occur in the group
   */
  public int find(int group, Column col, int row) {
    long w;
    if (kind == STRING) {
      int id = dictionary.find(col.strings[row]);
      if (id < 0) {
        return -1;
      }
      w = id;
    } else {
      w = kind == LONG ? col.longs[row] : KeyEncoder.doubleBits(col.doubles[row]);
    }
    key[0] = group;
    key[1] = w;
    return table.get(key, 0);
  }

  /**
   * Adds one occurrence of the value at a row to a group.
   *
   * @param group group id, below the capacity ensured
   * @param col column holding the value
   * @param row row index; the value must not be NULL
   * @return the entry id; its {@link #count} is 1 when the value is new in the group
   */
  public int add(int group, Column col, int row) {
    key[0] = group;
    if (kind == LONG) {
      key[1] = col.longs[row];
    } else if (kind == DOUBLE) {
      key[1] = KeyEncoder.doubleBits(col.doubles[row]);
    } else {
      key[1] = dictionary.id(col.strings[row]);
    }
    int e = table.getOrAdd(key, 0);
    if (table.lastAdded()) {
      onNewEntry(group, e);
    }
    counts[e]++;
    return e;
  }

  /**
   * Removes one occurrence of an entry's value; the entry goes when its count reaches 0.
   *
   * @param entry a live entry id
   * @return true if the entry was removed (its value no longer occurs in its group)
   */
  public boolean decrement(int entry) {
    if (--counts[entry] > 0) {
      return false;
    }
    int g = (int) table.key(entry, 0);
    if (ordered) {
      roots[g] = treap.delete(roots[g], entry);
    }
    removeEntry(g, entry);
    return true;
  }

  /**
   * Removes every value of a group (when the group itself is dropped, e.g. a closed window).
   *
   * @param group group id
   */
  public void clearGroup(int group) {
    if (group >= heads.length) {
      return;
    }
    while (heads[group] >= 0) {
      removeEntry(group, heads[group]);
    }
    if (ordered) {
      roots[group] = -1;
    }
  }

  private void removeEntry(int g, int entry) {
    groupSizes[g]--;
    if (prev[entry] >= 0) {
      next[prev[entry]] = next[entry];
    } else {
      heads[g] = next[entry];
    }
    if (next[entry] >= 0) {
      prev[next[entry]] = prev[entry];
    }
    if (kind == STRING) {
      dictionary.release((int) table.key(entry, 1));
    }
    table.remove(entry);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /**
   * Occurrences of an entry's value in its group.
   *
   * @param entry a live entry id
   * @return the count, at least 1
   */
  public long count(int entry) {
    return counts[entry];
  }

  /**
   * Number of distinct values in a group.
   *
   * @param group group id
   * @return the count
   */
  public int distinctCount(int group) {
    return group < groupSizes.length ? groupSizes[group] : 0;
  }

  /**
   * Entry of the smallest value of a group (ordered variant only).
   *
   * @param group group id
   * @return the entry id, or -1 if the group has no value
   * @throws IllegalStateException if the values are not kept in order
   */
  public int first(int group) {
    requireOrdered();
    return treap.first(group < roots.length ? roots[group] : -1);
  }

  /**
   * Entry of the largest value of a group (ordered variant only).
   *
   * @param group group id
   * @return the entry id, or -1 if the group has no value
   * @throws IllegalStateException if the values are not kept in order
   */
  public int last(int group) {
    requireOrdered();
    return treap.last(group < roots.length ? roots[group] : -1);
  }

  /**
   * Writes an entry's value into a column of its physical kind.
   *
   * @param entry a live entry id
   * @param out destination column
   * @param row destination row
   */
  public void writeValue(int entry, Column out, int row) {
    long w = table.key(entry, 1);
    if (kind == LONG) {
      out.longs[row] = w;
    } else if (kind == DOUBLE) {
      out.doubles[row] = Double.longBitsToDouble(w);
    } else {
      out.strings[row] = dictionary.value((int) w);
    }
  }

  /**
   * Value word of an entry: the long value, the double's bits, or the string's dictionary id.
   *
   * @param entry a live entry id
   * @return the word
   */
  public long valueWord(int entry) {
    return table.key(entry, 1);
  }

  /**
   * Number of distinct (group, value) entries.
   *
   * @return the size
   */
  public int size() {
    return table.size();
  }

  /**
   * Estimate of the heap bytes held by the arrays.
   *
   * @return bytes
   */
  public long memoryBytes() {
    long b = table.memoryBytes() + 8L * counts.length + 4L * groupSizes.length;
    if (ordered) {
      b += 4L * roots.length + treap.memoryBytes();
    }
    return dictionary == null ? b : b + dictionary.memoryBytes();
  }

  private void onNewEntry(int group, int e) {
    if (e >= counts.length) {
      int n = Math.max(counts.length * 2, e + 1);
      counts = Arrays.copyOf(counts, n);
      next = Arrays.copyOf(next, n);
      prev = Arrays.copyOf(prev, n);
    }
    counts[e] = 0;
    groupSizes[group]++;
    prev[e] = -1;
    next[e] = heads[group];
    if (heads[group] >= 0) {
      prev[heads[group]] = e;
    }
    heads[group] = e;
    if (kind == STRING) {
      dictionary.retain((int) key[1]);
    }
    if (ordered) {
      treap.newNode(e);
      roots[group] = treap.insert(roots[group], e);
    }
  }

  private void requireOrdered() {
    if (!ordered) {
      throw new IllegalStateException("values are not kept in order");
    }
  }

  private int compare(int a, int b) {
    long wa = table.key(a, 1);
    long wb = table.key(b, 1);
    if (kind == LONG) {
      return Long.compare(wa, wb);
    }
    if (kind == DOUBLE) {
      return Double.compare(Double.longBitsToDouble(wa), Double.longBitsToDouble(wb));
    }
    return dictionary.value((int) wa).compareTo(dictionary.value((int) wb));
  }
}
