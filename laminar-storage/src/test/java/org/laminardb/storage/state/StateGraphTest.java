package org.laminardb.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class StateGraphTest {
  /** Wiring that is not state: kept as the fresh graph has it. */
  static final class Wire {
    final String name;

    Wire(String name) {
      this.name = name;
    }
  }

  enum Mode {
    A,
    B
  }

  record Spec(String name, int size) {}

  static final class Node {
    long count;
    Node next;
  }

  /** An operator-like object: configuration, arrays, growing state, wiring. */
  static final class Op {
    final int width;
    final Wire downstream;
    final long[] scratch;
    long[] keys = new long[2];
    double[] sums = new double[2];
    String[] names = new String[2];
    int[][] lists = new int[1][];
    boolean[] flags = new boolean[0];
    Node head;
    Node alias;
    Spec spec;
    Mode mode = Mode.A;
    List<String> tags = new ArrayList<>();
    List<Spec> specs = List.of();
    Object boxed;
    transient long clock = 42;

    Op(int width, Wire downstream) {
      this.width = width;
      this.downstream = downstream;
      this.scratch = new long[width];
    }
  }

  private static byte[] write(Object... roots) {
    return new StateGraphWriter(o -> o instanceof Wire).write(Arrays.asList(roots));
  }

  @Test
  void shouldRestoreStateIntoAFreshGraphAndKeepItsWiring() {
    Wire live = new Wire("live");
    Op op = new Op(3, live);
    op.keys = new long[] {1, 2, 3, 4, 5};
    op.sums = new double[] {0.5, -0.0, Double.NaN};
    op.names = new String[] {"é", null, ""};
    op.lists = new int[][] {{1, 2}, null, {}};
    op.flags = new boolean[] {true, false};
    op.head = new Node();
    op.head.count = 7;
    op.head.next = new Node();
    op.head.next.count = 8;
    op.alias = op.head.next;
    op.spec = new Spec("w", 10);
    op.mode = Mode.B;
    op.tags.add("x");
    op.specs = List.of(new Spec("a", 1));
    op.boxed = 99L;
    op.scratch[1] = 5;
    op.clock = 1000;
    byte[] bytes = write(op);

    Wire fresh = new Wire("fresh");
    Op restored = new Op(3, fresh);
    long[] scratch = restored.scratch;
    new StateGraphReader(bytes).restore(List.of(restored));

    assertThat(restored.downstream).isSameAs(fresh);
    assertThat(restored.clock).as("transient").isEqualTo(42);
    assertThat(restored.scratch).isSameAs(scratch).containsExactly(0, 5, 0);
    assertThat(restored.keys).containsExactly(1, 2, 3, 4, 5);
    assertThat(restored.sums[0]).isEqualTo(0.5);
    assertThat(Double.doubleToRawLongBits(restored.sums[1]))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(restored.sums[2]).isNaN();
    assertThat(restored.names).containsExactly("é", null, "");
    assertThat(restored.lists[0]).containsExactly(1, 2);
    assertThat(restored.lists[1]).isNull();
    assertThat(restored.flags).containsExactly(true, false);
    assertThat(restored.head.count).isEqualTo(7);
    assertThat(restored.head.next.count).isEqualTo(8);
    assertThat(restored.alias).as("shared reference").isSameAs(restored.head.next);
    assertThat(restored.spec).isEqualTo(new Spec("w", 10));
    assertThat(restored.mode).isEqualTo(Mode.B);
    assertThat(restored.tags).containsExactly("x");
    restored.tags.add("mutable");
    assertThat(restored.specs).containsExactly(new Spec("a", 1));
    assertThat(restored.boxed).isEqualTo(99L);
  }

  @Test
  void shouldRefuseStateOfUnsupportedJdkTypes() {
    Op op = new Op(1, new Wire("w"));
    op.boxed = new HashMap<String, String>();
    assertThatThrownBy(() -> write(op)).isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("Op.boxed").hasMessageContaining("HashMap")
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
  }

  @Test
  void shouldRefuseAGraphOfAnotherShape() {
    byte[] bytes = write(new Op(1, new Wire("w")));
    assertThatThrownBy(() -> new StateGraphReader(bytes).restore(List.of(new Node())))
        .isInstanceOf(LaminarDBException.class)
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
    assertThatThrownBy(() -> new StateGraphReader(bytes).restore(List.of()))
        .hasMessageContaining("roots");
  }

  @Test
  void shouldDetectTruncatedOrDamagedBytes() {
    Op op = new Op(2, new Wire("w"));
    op.keys = new long[100];
    byte[] bytes = write(op);
    for (int cut = 0; cut < bytes.length; cut += 7) {
      byte[] part = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> new StateGraphReader(part).restore(List.of(new Op(2, null))))
          .isInstanceOf(LaminarDBException.class);
    }
    byte[] badMagic = bytes.clone();
    badMagic[0] ^= 1;
    assertThatThrownBy(() -> new StateGraphReader(badMagic).restore(List.of(new Op(2, null))))
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("XX001");
  }

  @Test
  void shouldStreamStateLargerThanOneSegment() throws java.io.IOException {
    Op op = new Op(2, new Wire("w"));
    op.keys = new long[5_000_001];
    for (int i = 0; i < op.keys.length; i++) {
      op.keys[i] = i * 31L;
    }
    op.sums = new double[] {1.5};
    op.names = new String[] {"after"};
    StateOutput out = new StateGraphWriter(o -> o instanceof Wire).encode(List.of(op));
    assertThat(out.size()).isGreaterThan(40_000_000L);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    out.writeTo(bytes);
    Op restored = new Op(2, null);
    new StateGraphReader(new java.io.ByteArrayInputStream(bytes.toByteArray()), out.size())
        .restore(List.of(restored));
    assertThat(restored.keys).hasSize(5_000_001);
    assertThat(restored.keys[4_194_303]).isEqualTo(4_194_303 * 31L);
    assertThat(restored.keys[5_000_000]).isEqualTo(5_000_000 * 31L);
    assertThat(restored.sums).containsExactly(1.5);
    assertThat(restored.names).containsExactly("after");
  }

  @Test
  void shouldWriteKeptObjectsAsNothing() {
    Map<String, Integer> sizes = new HashMap<>();
    for (int n : new int[] {1, 1000}) {
      Op op = new Op(1, new Wire("x".repeat(n)));
      sizes.put("n" + n, write(op).length);
    }
    assertThat(sizes.get("n1")).isEqualTo(sizes.get("n1000"));
  }
}
