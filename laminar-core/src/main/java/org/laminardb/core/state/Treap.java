package org.laminardb.core.state;

import java.util.Arrays;

/**
 * Treaps over dense node ids: binary search trees ordered by a caller's {@link Order}, balanced by
 * pseudo-random node priorities (a max-heap on priority), so that an insert or a delete costs
 * O(log n) expected for n nodes in the tree. One instance holds the node arrays (left child, right
 * child, priority) for any number of trees; a tree is named by its root node id, -1 for an empty
 * tree, and the mutating methods return the new root. Node ids are chosen by the caller (such as
 * entry ids of a {@link LongKeyTable}); {@link #newNode} grows the arrays as needed. The nodes of
 * one tree must have distinct values ({@link #delete} and {@link #adjust} find a node by its
 * value); repeated occurrences of a value are a node's count.
 *
 * <p>With {@code counted}, every node also has a count (occurrences of its value) and the tree is
 * augmented with subtree totals of the counts, so that {@link #select} finds the node of a rank in
 * one descent and {@link #adjust} changes a count in O(depth).
 *
 * <p>Priorities come from a fixed-seed xorshift generator, so the shapes are deterministic. Garbage
 * free in steady state: allocation only when the arrays grow. Not thread-safe.
 */
public final class Treap {
  /** Order of the nodes of a tree. */
  @FunctionalInterface
  public interface Order {
    /**
     * Compares the values of two nodes.
     *
     * @param a a node id
     * @param b a node id
     * @return negative, zero or positive as the value of {@code a} is less than, equal to or
     *     greater than the value of {@code b}
     */
    int compare(int a, int b);
  }

  private final Order order;
  private final boolean counted;
  private int[] left = new int[16];
  private int[] right = new int[16];
  private int[] priorities = new int[16];
  private long[] counts;
  private long[] totals;
  private int random = 0x2545F491;

  /**
   * Creates the node storage, with no nodes.
   *
   * @param order the order of the values of the nodes
   * @param counted whether nodes carry counts and subtree totals ({@link #select}, {@link
   *     #adjust})
   */
  public Treap(Order order, boolean counted) {
    this.order = order;
    this.counted = counted;
    if (counted) {
      counts = new long[16];
      totals = new long[16];
    }
  }

  /**
   * Prepares node {@code x} as a single-node tree (no children, a fresh priority, a count of 1
   * when counted), growing the arrays if needed; then {@link #insert} it into a tree.
   *
   * @param x the node id, not in any tree
   */
  public void newNode(int x) {
    if (x >= left.length) {
      int n = Math.max(left.length * 2, x + 1);
      left = Arrays.copyOf(left, n);
      right = Arrays.copyOf(right, n);
      priorities = Arrays.copyOf(priorities, n);
      if (counted) {
        counts = Arrays.copyOf(counts, n);
        totals = Arrays.copyOf(totals, n);
      }
    }
    left[x] = -1;
    right[x] = -1;
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    priorities[x] = random;
    if (counted) {
      counts[x] = 1;
      totals[x] = 1;
    }
  }

  /**
   * Inserts node {@code x} (after {@link #newNode}) into a tree that holds no node of its value.
   *
   * @param root root of the tree, -1 if empty
   * @param x the node
   * @return the new root
   */
  public int insert(int root, int x) {
    if (root < 0) {
      return x;
    }
    if (order.compare(x, root) < 0) {
      int l = insert(left[root], x);
      left[root] = l;
      if (priorities[l] > priorities[root]) {
        left[root] = right[l];
        right[l] = root;
        pull(root);
        pull(l);
        return l;
      }
    } else {
      int r = insert(right[root], x);
      right[root] = r;
      if (priorities[r] > priorities[root]) {
        right[root] = left[r];
        left[r] = root;
        pull(root);
        pull(r);
        return r;
      }
    }
    pull(root);
    return root;
  }

  /**
   * Deletes node {@code x} from the tree holding it.
   *
   * @param root root of the tree
   * @param x a node of the tree
   * @return the new root, -1 if the tree became empty
   */
  public int delete(int root, int x) {
    if (root == x) {
      return merge(left[x], right[x]);
    }
    if (order.compare(x, root) < 0) {
      left[root] = delete(left[root], x);
    } else {
      right[root] = delete(right[root], x);
    }
    pull(root);
    return root;
  }

  /**
   * Deletes the root of a tree (to take a tree apart node by node in O(1) per node).
   *
   * @param root root of a non-empty tree
   * @return the new root, -1 if the tree became empty
   */
  public int deleteRoot(int root) {
    return merge(left[root], right[root]);
  }

  /**
   * The smallest node of a tree.
   *
   * @param root root of the tree, -1 if empty
   * @return the node, -1 if the tree is empty
   */
  public int first(int root) {
    int n = root;
    if (n >= 0) {
      while (left[n] >= 0) {
        n = left[n];
      }
    }
    return n;
  }

  /**
   * The largest node of a tree.
   *
   * @param root root of the tree, -1 if empty
   * @return the node, -1 if the tree is empty
   */
  public int last(int root) {
    int n = root;
    if (n >= 0) {
      while (right[n] >= 0) {
        n = right[n];
      }
    }
    return n;
  }

  /**
   * The count of a node (counted treaps only).
   *
   * @param x a node
   * @return its count
   */
  public long count(int x) {
    return counts[x];
  }

  /**
   * Changes the count of node {@code x} by {@code delta}, fixing the totals on its path (counted
   * treaps only).
   *
   * @param root root of the tree holding {@code x}
   * @param x the node
   * @param delta the change
   */
  public void adjust(int root, int x, long delta) {
    int node = root;
    while (node != x) {
      totals[node] += delta;
      node = order.compare(x, node) < 0 ? left[node] : right[node];
    }
    counts[x] += delta;
    totals[x] += delta;
  }

  /**
   * The node holding the occurrence of 0-based rank {@code k} in value order, each node counting
   * as many occurrences as its count (counted treaps only).
   *
   * @param root root of the tree
   * @param k the rank, below the total count of the tree
   * @return the node
   */
  public int select(int root, long k) {
    int node = root;
    long rest = k;
    while (true) {
      long l = left[node] < 0 ? 0 : totals[left[node]];
      if (rest < l) {
        node = left[node];
      } else if (rest < l + counts[node]) {
        return node;
      } else {
        rest -= l + counts[node];
        node = right[node];
      }
    }
  }

  /**
   * Estimate of the heap bytes held by the node arrays.
   *
   * @return bytes
   */
  public long memoryBytes() {
    long b = 4L * (left.length + right.length + priorities.length);
    return counted ? b + 8L * (counts.length + totals.length) : b;
  }

  private int merge(int a, int b) {
    if (a < 0) {
      return b;
    }
    if (b < 0) {
      return a;
    }
    if (priorities[a] > priorities[b]) {
      right[a] = merge(right[a], b);
      pull(a);
      return a;
    }
    left[b] = merge(a, left[b]);
    pull(b);
    return b;
  }

  private void pull(int node) {
    if (!counted) {
      return;
    }
    long t = counts[node];
    if (left[node] >= 0) {
      t += totals[left[node]];
    }
    if (right[node] >= 0) {
      t += totals[right[node]];
    }
    totals[node] = t;
  }
}
