package org.laminardb.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongKeyTableTest {

  @Test
  void shouldAssignDenseIdsAndFindKeys() {
    LongKeyTable t = new LongKeyTable(2);
    assertThat(t.getOrAdd(new long[] {1, 2})).isEqualTo(0);
    assertThat(t.lastAdded()).isTrue();
    assertThat(t.getOrAdd(new long[] {2, 1})).isEqualTo(1);
    assertThat(t.getOrAdd(new long[] {1, 2})).isEqualTo(0);
    assertThat(t.lastAdded()).isFalse();
    assertThat(t.get(new long[] {2, 1})).isEqualTo(1);
    assertThat(t.get(new long[] {2, 2})).isEqualTo(-1);
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.idLimit()).isEqualTo(2);
    assertThat(t.key(1, 0)).isEqualTo(2);
    assertThat(t.key(1, 1)).isEqualTo(1);
  }

  @Test
  void shouldFindKeysAtAnOffset() {
    LongKeyTable t = new LongKeyTable(2);
    long[] buf = {9, 7, 8, 9};
    int id = t.getOrAdd(buf, 1);
    assertThat(t.get(new long[] {7, 8})).isEqualTo(id);
    long[] out = new long[3];
    t.copyKey(id, out, 1);
    assertThat(out).containsExactly(0, 7, 8);
  }

  @Test
  void shouldAgreeBetweenSingleWordAndArrayPaths() {
    LongKeyTable t = new LongKeyTable(1);
    for (long k = -500; k < 500; k++) {
      int id = t.getOrAdd(k * 7919);
      assertThat(t.get(new long[] {k * 7919})).isEqualTo(id);
      assertThat(t.getOrAdd(new long[] {k * 7919})).isEqualTo(id);
      assertThat(t.lastAdded()).isFalse();
    }
    assertThat(t.get(Long.MIN_VALUE)).isEqualTo(-1);
    assertThat(t.size()).isEqualTo(1000);
  }

  @Test
  void shouldRejectSingleWordCallsOnWiderTable() {
    LongKeyTable t = new LongKeyTable(2);
    assertThatThrownBy(() -> t.getOrAdd(1L)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> t.get(1L)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRejectInvalidArguments() {
    assertThatThrownBy(() -> new LongKeyTable(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width=0");
    assertThatThrownBy(() -> new LongKeyTable(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedKeys=0");
    LongKeyTable t = new LongKeyTable(1);
    t.getOrAdd(5L);
    assertThatThrownBy(() -> t.remove(1)).hasMessageContaining("id=1");
    t.remove(0);
    assertThatThrownBy(() -> t.remove(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldGrowToOneMillionKeys() {
    LongKeyTable t = new LongKeyTable(2);
    long[] key = new long[2];
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      key[0] = i;
      key[1] = -i * 31L;
      assertThat(t.getOrAdd(key)).isEqualTo(i);
    }
    assertThat(t.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      key[0] = i;
      key[1] = -i * 31L;
      if (t.get(key) != i || t.key(i, 1) != -i * 31L) {
        throw new AssertionError("key " + i + " lost");
      }
      key[1] = i;
      if (i != 0 && t.get(key) != -1) {
        throw new AssertionError("phantom key " + i);
      }
    }
    assertThat(t.memoryBytes()).isGreaterThan(16L * n);
  }

  @Test
  void shouldReuseRemovedIdsBeforeNewOnes() {
    LongKeyTable t = new LongKeyTable(1);
    for (long k = 0; k < 10; k++) {
      t.getOrAdd(k);
    }
    t.remove(3);
    t.remove(7);
    assertThat(t.isLive(3)).isFalse();
    assertThat(t.get(3L)).isEqualTo(-1);
    assertThat(t.getOrAdd(100L)).isEqualTo(7);
    assertThat(t.getOrAdd(101L)).isEqualTo(3);
    assertThat(t.getOrAdd(102L)).isEqualTo(10);
    assertThat(t.key(3, 0)).isEqualTo(101L);
    assertThat(t.getOrAdd(3L)).isEqualTo(11);
    assertThat(t.lastAdded()).isTrue();
    assertThat(t.idLimit()).isEqualTo(12);
  }

  @Test
  void shouldFindKeysAfterDeletesInProbeChains() {
    LongKeyTable t = new LongKeyTable(1, 8);
    int n = 20_000;
    for (long k = 0; k < n; k++) {
      t.getOrAdd(k);
    }
    for (long k = 0; k < n; k += 3) {
      t.remove(t.get(k));
    }
    for (long k = 0; k < n; k++) {
      boolean removed = k % 3 == 0;
      assertThat(t.get(k) >= 0).as("key %d", k).isEqualTo(!removed);
    }
    for (long k = 0; k < n; k += 3) {
      t.getOrAdd(k);
      assertThat(t.lastAdded()).isTrue();
    }
    for (long k = 0; k < n; k++) {
      int id = t.get(k);
      assertThat(id).isNotNegative();
      assertThat(t.key(id, 0)).isEqualTo(k);
    }
    assertThat(t.idLimit()).isEqualTo(n);
  }

  @Test
  void shouldMatchHashMapUnderRandomOperations() {
    Random rnd = new Random(42);
    LongKeyTable t = new LongKeyTable(3);
    Map<List<Long>, Integer> model = new HashMap<>();
    long[] key = new long[3];
    for (int step = 0; step < 200_000; step++) {
      key[0] = rnd.nextInt(50);
      key[1] = rnd.nextInt(50) - 25;
      key[2] = rnd.nextBoolean() ? Long.MIN_VALUE : 0;
      List<Long> boxed = List.of(key[0], key[1], key[2]);
      Integer expected = model.get(boxed);
      if (rnd.nextInt(3) == 0) {
        assertThat(t.get(key)).isEqualTo(expected == null ? -1 : expected);
        if (expected != null) {
          t.remove(expected);
          model.remove(boxed);
        }
      } else {
        int id = t.getOrAdd(key);
        assertThat(t.lastAdded()).isEqualTo(expected == null);
        if (expected != null) {
          assertThat(id).isEqualTo(expected);
        }
        model.put(boxed, id);
      }
    }
    assertThat(t.size()).isEqualTo(model.size());
    for (Map.Entry<List<Long>, Integer> e : model.entrySet()) {
      int id = e.getValue();
      assertThat(List.of(t.key(id, 0), t.key(id, 1), t.key(id, 2))).isEqualTo(e.getKey());
    }
  }

  @Test
  void shouldIterateLiveIdsInOrder() {
    LongKeyTable t = new LongKeyTable(1);
    for (long k = 0; k < 200; k++) {
      t.getOrAdd(k);
    }
    for (int id = 0; id < 200; id++) {
      if (id % 7 != 0) {
        t.remove(id);
      }
    }
    List<Integer> ids = new ArrayList<>();
    for (int id = t.nextLive(0); id >= 0; id = t.nextLive(id + 1)) {
      ids.add(id);
    }
    assertThat(ids).hasSize(29).allMatch(id -> id % 7 == 0);
    assertThat(ids).isSorted();
    assertThat(t.nextLive(197)).isEqualTo(-1);
    assertThat(t.nextLive(500)).isEqualTo(-1);
  }

  @Test
  void shouldStartAfreshAfterClear() {
    LongKeyTable t = new LongKeyTable(1);
    t.getOrAdd(1L);
    t.getOrAdd(2L);
    t.clear();
    assertThat(t.size()).isZero();
    assertThat(t.get(1L)).isEqualTo(-1);
    assertThat(t.nextLive(0)).isEqualTo(-1);
    assertThat(t.getOrAdd(2L)).isZero();
  }
}
