package org.laminardb.connector.datagen;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.connector.datagen.GeneratedRows.schema;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

class DatagenOptionsTest {
  private static final Schema SCHEMA = schema("id", TypeKind.BIGINT, "name", TypeKind.VARCHAR,
      "ts", TypeKind.TIMESTAMP, "flag", TypeKind.BOOLEAN,
      "amount", DataType.decimal(4, 2).withNullable(false));

  private static void assertRejected(Map<String, String> options, String... messageParts) {
    assertThatThrownBy(() -> RowGenerator.create("s", SCHEMA, options))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.code())
                .isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
        .message().contains(messageParts);
  }

  @Test
  void unknownOptionIsRejectedListingTheAcceptedOnes() {
    assertRejected(Map.of("rows_per_sec", "5"), "'rows_per_sec'",
        "accepted: rows_per_second, number_of_rows, seed, fields.<column>.<property>");
  }

  @Test
  void optionOfUnknownColumnIsRejectedListingTheColumns() {
    assertRejected(Map.of("fields.nope.min", "1"), "'fields.nope.min'",
        "columns: id, name, ts, flag, amount");
  }

  @Test
  void propertyThatDoesNotApplyIsRejectedListingTheAcceptedOnes() {
    assertRejected(Map.of("fields.id.length", "3"), "'fields.id.length'",
        "accepted: fields.id.kind, fields.id.min, fields.id.max, fields.id.values, "
            + "fields.id.null_rate");
    assertRejected(Map.of("fields.id.kind", "sequence", "fields.id.min", "3"),
        "'fields.id.min'", "fields.id.start, fields.id.end");
    assertRejected(Map.of("fields.flag.min", "0"), "'fields.flag.min'");
    assertRejected(Map.of("fields.id.colour", "red"), "'fields.id.colour'");
  }

  @Test
  void unsupportedKindIsRejected() {
    assertRejected(Map.of("fields.flag.kind", "sequence"), "'fields.flag.kind'",
        "one of random");
    assertRejected(Map.of("fields.id.kind", "event_time"), "'fields.id.kind'",
        "one of random, sequence");
    assertRejected(Map.of("fields.name.kind", "zipf"), "'fields.name.kind'");
  }

  @Test
  void badValuesAreRejectedNamingTheOption() {
    assertRejected(Map.of("rows_per_second", "fast"), "'rows_per_second'");
    assertRejected(Map.of("rows_per_second", "-1"), "'rows_per_second'");
    assertRejected(Map.of("number_of_rows", "1.5"), "'number_of_rows'");
    assertRejected(Map.of("seed", "x"), "'seed'");
    assertRejected(Map.of("fields.id.min", "ten"), "'fields.id.min'");
    assertRejected(Map.of("fields.id.min", "10", "fields.id.max", "5"), "'fields.id.max'");
    assertRejected(Map.of("fields.ts.start", "yesterday"), "'fields.ts.start'");
    assertRejected(Map.of("fields.ts.step", "10 parsecs"), "'fields.ts.step'", "units");
    assertRejected(Map.of("fields.name.length", "-1"), "'fields.name.length'");
    assertRejected(Map.of("fields.flag.values", "yes,no"), "'fields.flag.values'");
    assertRejected(Map.of("fields.amount.values", "1.234"), "'fields.amount.values'",
        "DECIMAL(4, 2)");
    assertRejected(Map.of("fields.amount.max", "100"), "'fields.amount.max'");
    assertRejected(Map.of("fields.id.kind", "sequence", "fields.id.start", "5",
        "fields.id.end", "4"), "'fields.id.end'");
    assertRejected(Map.of("fields.id.null_rate", "2"), "'fields.id.null_rate'");
  }

  @Test
  void nullRateOnNotNullColumnIsRejected() {
    assertRejected(Map.of("fields.amount.null_rate", "0.1"), "'fields.amount.null_rate'",
        "NOT NULL");
  }

  @Test
  void valuesCannotBeCombinedWithARange() {
    assertRejected(Map.of("fields.id.values", "1,2", "fields.id.max", "5"),
        "'fields.id.values'");
  }

  @Test
  void unsupportedColumnTypeIsRejected() {
    Schema s = schema("d", DataType.of(TypeKind.INTERVAL));
    assertThatThrownBy(() -> RowGenerator.create("s", s, Map.of()))
        .isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("column d of type INTERVAL")
        .hasMessageContaining("supported types");
  }

  @Test
  void repeatedOptionInBothSpellingsIsRejected() {
    assertRejected(Map.of("rows_per_second", "5", "rows-per-second", "6"), "given twice");
  }
}
