package org.laminardb.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StringDictionaryTest {

  @Test
  void shouldInternEqualStringsToOneId() {
    StringDictionary d = new StringDictionary();
    int a = d.id("apple");
    int b = d.id("banana");
    assertThat(d.id(new String("apple".toCharArray()))).isEqualTo(a);
    assertThat(b).isNotEqualTo(a);
    assertThat(d.value(b)).isEqualTo("banana");
    assertThat(d.find("banana")).isEqualTo(b);
    assertThat(d.find("cherry")).isEqualTo(-1);
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.id("")).isEqualTo(2);
  }

  @Test
  void shouldDropAStringWhenItsLastReferenceIsReleased() {
    StringDictionary d = new StringDictionary();
    int a = d.id("a");
    d.retain(a);
    d.retain(a);
    d.release(a);
    assertThat(d.find("a")).isEqualTo(a);
    d.release(a);
    assertThat(d.find("a")).isEqualTo(-1);
    assertThat(d.size()).isZero();
    assertThat(d.id("b")).isEqualTo(a);
    assertThatThrownBy(() -> d.release(a)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldFindRemainingStringsAfterRemovals() {
    StringDictionary d = new StringDictionary();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      d.retain(d.id("s" + i));
    }
    for (int i = 0; i < n; i += 2) {
      d.release(d.find("s" + i));
    }
    for (int i = 0; i < n; i++) {
      int id = d.find("s" + i);
      if (i % 2 == 0) {
        assertThat(id).isEqualTo(-1);
      } else {
        assertThat(d.value(id)).isEqualTo("s" + i);
      }
    }
    assertThat(d.size()).isEqualTo(n / 2);
    assertThat(d.memoryBytes()).isPositive();
    d.clear();
    assertThat(d.find("s1")).isEqualTo(-1);
  }
}
