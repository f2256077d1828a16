package org.laminardb.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreapTest {

  @Test
  void shouldKeepTwoTreesInOrderUnderInsertsAndDeletes() {
    long[] values = new long[400];
    Treap treap = new Treap((a, b) -> Long.compare(values[a], values[b]), false);
    int[] roots = {-1, -1};
    List<List<Integer>> nodes = List.of(new ArrayList<>(), new ArrayList<>());
    Random random = new Random(7);
    for (int x = 0; x < values.length; x++) {
      values[x] = (x * 7919L) % 1009;
      int t = x % 2;
      treap.newNode(x);
      roots[t] = treap.insert(roots[t], x);
      nodes.get(t).add(x);
      if (x % 3 == 0) {
        List<Integer> list = nodes.get(t);
        int victim = list.remove(random.nextInt(list.size()));
        roots[t] = treap.delete(roots[t], victim);
      }
      for (int i = 0; i < 2; i++) {
        long[] sorted = nodes.get(i).stream().mapToLong(n -> values[n]).sorted().toArray();
        int first = treap.first(roots[i]);
        int last = treap.last(roots[i]);
        if (sorted.length == 0) {
          assertThat(first).isEqualTo(-1);
          assertThat(last).isEqualTo(-1);
        } else {
          assertThat(values[first]).isEqualTo(sorted[0]);
          assertThat(values[last]).isEqualTo(sorted[sorted.length - 1]);
        }
      }
    }
    for (int t = 0; t < 2; t++) {
      while (roots[t] >= 0) {
        roots[t] = treap.deleteRoot(roots[t]);
      }
    }
    assertThat(treap.first(-1)).isEqualTo(-1);
  }

  @Test
  void shouldSelectByRankCountingOccurrences() {
    long[] values = new long[64];
    Treap treap = new Treap((a, b) -> Long.compare(values[a], values[b]), true);
    int root = -1;
    List<Long> expanded = new ArrayList<>();
    Random random = new Random(11);
    for (int x = 0; x < values.length; x++) {
      values[x] = x * 10L;
      treap.newNode(x);
      root = treap.insert(root, x);
      expanded.add(values[x]);
      int extra = random.nextInt(3);
      treap.adjust(root, x, extra);
      for (int i = 0; i < extra; i++) {
        expanded.add(values[x]);
      }
    }
    treap.adjust(root, 5, -1);
    expanded.remove(Long.valueOf(50));
    root = treap.delete(root, 9);
    expanded.removeIf(v -> v == 90);
    long[] sorted = expanded.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] selected = new long[sorted.length];
    for (int k = 0; k < sorted.length; k++) {
      selected[k] = values[treap.select(root, k)];
    }
    assertThat(selected).isEqualTo(sorted);
    assertThat(treap.count(5)).isEqualTo(Arrays.stream(sorted).filter(v -> v == 50).count());
  }
}
