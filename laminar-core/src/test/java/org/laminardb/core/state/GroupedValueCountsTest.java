package org.laminardb.core.state;

import org.laminardb.core.testing.TestRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.TypeKind;

class GroupedValueCountsTest {

  @Test
  void shouldCountOccurrencesAndRemoveAnEntryAtZero() {
    Column col = longColumn(5, 5, 7);
    GroupedValueCounts v = new GroupedValueCounts(PhysicalKind.LONG, false);
    v.ensureGroupCapacity(2);
    int e = v.add(1, col, 0);
    assertThat(v.add(1, col, 1)).isEqualTo(e);
    assertThat(v.count(e)).isEqualTo(2);
    v.add(1, col, 2);
    assertThat(v.distinctCount(1)).isEqualTo(2);
    assertThat(v.find(0, col, 0)).isEqualTo(-1);
    assertThat(v.decrement(e)).isFalse();
    assertThat(v.decrement(e)).isTrue();
    assertThat(v.find(1, col, 0)).isEqualTo(-1);
    assertThat(v.distinctCount(1)).isEqualTo(1);
    assertThatThrownBy(() -> v.first(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldClearOneGroupAndKeepTheOthers() {
    Column col = longColumn(1, 2, 3, 2);
    for (boolean ordered : new boolean[] {false, true}) {
      GroupedValueCounts v = new GroupedValueCounts(PhysicalKind.LONG, ordered);
      v.ensureGroupCapacity(3);
      for (int r = 0; r < 4; r++) {
        v.add(0, col, r);
        v.add(2, col, r);
      }
      v.decrement(v.find(0, col, 1));
      v.clearGroup(0);
      v.clearGroup(1);
      assertThat(v.distinctCount(0)).isZero();
      assertThat(v.find(0, col, 2)).isEqualTo(-1);
      assertThat(v.size()).isEqualTo(3);
      assertThat(v.distinctCount(2)).isEqualTo(3);
      if (ordered) {
        assertThat(v.first(0)).isEqualTo(-1);
        assertThat(v.valueWord(v.first(2))).isEqualTo(1);
        assertThat(v.valueWord(v.last(2))).isEqualTo(3);
      }
      v.add(0, col, 0);
      assertThat(v.distinctCount(0)).isEqualTo(1);
    }
  }

  @Test
  void shouldFindTheNextExtremeWhenTheExtremeIsRemovedRepeatedly() {
    Column col = longColumn(10, 20, 30, 40, 50);
    GroupedValueCounts v = new GroupedValueCounts(PhysicalKind.LONG, true);
    v.ensureGroupCapacity(1);
    int[] entries = new int[5];
    for (int r = 4; r >= 0; r--) {
      entries[r] = v.add(0, col, r);
    }
    for (int r = 0; r < 4; r++) {
      assertThat(v.valueWord(v.first(0))).isEqualTo(10L * (r + 1));
      v.decrement(entries[r]);
    }
    assertThat(v.valueWord(v.first(0))).isEqualTo(50);
    assertThat(v.valueWord(v.last(0))).isEqualTo(50);
    v.decrement(entries[4]);
    assertThat(v.first(0)).isEqualTo(-1);
    assertThat(v.last(0)).isEqualTo(-1);
  }

  @Test
  void shouldMatchSortedMultisetsForLongs() {
    checkAgainstTreeMaps(DataType.of(TypeKind.BIGINT), 1);
  }

  @Test
  void shouldMatchSortedMultisetsForDoubles() {
    checkAgainstTreeMaps(DataType.of(TypeKind.DOUBLE), 2);
  }

  @Test
  void shouldMatchSortedMultisetsForStrings() {
    checkAgainstTreeMaps(DataType.of(TypeKind.VARCHAR), 3);
  }

  private static void checkAgainstTreeMaps(DataType type, long seed) {
    Random rnd = new Random(seed);
    int groups = 20;
    Chunk c = new Chunk(TestRows.schema(type), 1);
    c.size = 1;
    Column col = c.columns[0];
    GroupedValueCounts v = new GroupedValueCounts(type.physical(), true);
    v.ensureGroupCapacity(groups);
    List<TreeMap<Object, Integer>> model = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      model.add(new TreeMap<>());
    }
    for (int step = 0; step < 50_000; step++) {
      int g = rnd.nextInt(groups);
      int x = rnd.nextInt(60) - 30;
      Object value = type.physical() == PhysicalKind.LONG ? (Object) (long) x
          : type.physical() == PhysicalKind.DOUBLE ? (Object) (x / 4.0) : (Object) ("v" + x);
      TestRows.set(col, 0, value);
      TreeMap<Object, Integer> m = model.get(g);
      if (rnd.nextInt(5) < 2 && m.containsKey(value)) {
        int e = v.find(g, col, 0);
        assertThat(v.count(e)).isEqualTo((long) m.get(value));
        boolean gone = v.decrement(e);
        assertThat(gone).isEqualTo(m.get(value) == 1);
        m.compute(value, (k, n) -> n == 1 ? null : n - 1);
      } else {
        v.add(g, col, 0);
        m.merge(value, 1, Integer::sum);
      }
      if (step % 7 == 0) {
        assertExtremes(v, g, m, c);
      }
    }
    for (int g = 0; g < groups; g++) {
      assertExtremes(v, g, model.get(g), c);
    }
  }

  private static void assertExtremes(
      GroupedValueCounts v, int g, TreeMap<Object, Integer> m, Chunk c) {
    assertThat(v.distinctCount(g)).isEqualTo(m.size());
    if (m.isEmpty()) {
      assertThat(v.first(g)).isEqualTo(-1);
      return;
    }
    v.writeValue(v.first(g), c.columns[0], 0);
    assertThat(TestRows.get(c.columns[0], 0)).isEqualTo(m.firstKey());
    v.writeValue(v.last(g), c.columns[0], 0);
    assertThat(TestRows.get(c.columns[0], 0)).isEqualTo(m.lastKey());
  }

  private static Column longColumn(long... values) {
    Column col = new Column(DataType.of(TypeKind.BIGINT), values.length);
    System.arraycopy(values, 0, col.longs, 0, values.length);
    return col;
  }
}
