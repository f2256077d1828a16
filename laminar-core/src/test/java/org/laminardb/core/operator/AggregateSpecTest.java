package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

class AggregateSpecTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);

  @Test
  void shouldDescribeCountStarWithoutArgument() {
    AggregateSpec spec = AggregateSpec.countStar();
    assertThat(spec.kind()).isEqualTo(AggregateKind.COUNT_STAR);
    assertThat(spec.argColumn()).isEqualTo(-1);
    assertThat(spec.resultType().nullable()).isFalse();
  }

  @Test
  void shouldRejectArgumentsThatDoNotFitTheFunction() {
    assertThatThrownBy(() -> new AggregateSpec(AggregateKind.COUNT_STAR, 0, false, BIGINT))
        .hasMessageContaining("argColumn=0");
    assertThatThrownBy(() -> new AggregateSpec(AggregateKind.COUNT_STAR, -1, true, BIGINT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AggregateSpec.of(AggregateKind.SUM, -1, BIGINT))
        .hasMessageContaining("argColumn=-1");
    assertThatThrownBy(() -> AggregateSpec.of(AggregateKind.MIN, 0, null))
        .isInstanceOf(NullPointerException.class);
  }
}
