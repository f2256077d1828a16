package org.laminardb.core.operator;

import java.util.Arrays;

/**
 * A binary min-heap of (time, slot, tag) entries, smallest time first: the join operators' queue
 * of stored rows by the time at which something happens to them (expiry, release). The tag lets
 * a user recognise entries that went stale (for example a slot's generation when it was pushed).
 * Garbage free in steady state; single-threaded.
 */
final class SlotHeap {
  private long[] times = new long[16];
  private int[] slots = new int[16];
  private int[] tags = new int[16];
  private int size;

  /** Entries held. */
  int size() {
    return size;
  }

  /** Whether the heap is empty. */
  boolean isEmpty() {
    return size == 0;
  }

  /** The smallest time; only when not empty. */
  long topTime() {
    return times[0];
  }

  /** The slot of the entry with the smallest time; only when not empty. */
  int topSlot() {
    return slots[0];
  }

  /** The tag of the entry with the smallest time; only when not empty. */
  int topTag() {
    return tags[0];
  }

  /** Adds an entry. */
  void push(long time, int slot, int tag) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      slots = Arrays.copyOf(slots, size * 2);
      tags = Arrays.copyOf(tags, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (times[parent] <= time) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    times[i] = time;
    slots[i] = slot;
    tags[i] = tag;
  }

  /** Removes the entry with the smallest time and returns its slot. */
  int pop() {
    int top = slots[0];
    int last = --size;
    long t = times[last];
    int s = slots[last];
    int g = tags[last];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= last) {
        break;
      }
      if (c + 1 < last && times[c + 1] < times[c]) {
        c++;
      }
      if (t <= times[c]) {
        break;
      }
      move(c, i);
      i = c;
    }
    if (last > 0) {
      times[i] = t;
      slots[i] = s;
      tags[i] = g;
    }
    return top;
  }

  private void move(int from, int to) {
    times[to] = times[from];
    slots[to] = slots[from];
    tags[to] = tags[from];
  }
}
