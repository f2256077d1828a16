package org.laminardb.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.connector.files.FileSinkFixture.D;
import static org.laminardb.connector.files.FileSinkFixture.I;
import static org.laminardb.connector.files.FileSinkFixture.UA;
import static org.laminardb.connector.files.FileSinkFixture.UB;
import static org.laminardb.connector.files.FileSinkFixture.chunk;
import static org.laminardb.connector.files.FileSinkFixture.epochName;
import static org.laminardb.connector.files.FileSinkFixture.kinds;
import static org.laminardb.connector.files.FileSinkFixture.read;
import static org.laminardb.connector.files.FileSinkFixture.row;
import static org.laminardb.connector.files.FileSinkFixture.schema;
import static org.laminardb.connector.files.FileSinkFixture.sink;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.spi.TransactionalSinkConnector;

class FileSinkFormatTest {
  private static final Schema ALL_TYPES = schema("b", TypeKind.BOOLEAN, "i", TypeKind.INT,
      "l", TypeKind.BIGINT, "d", TypeKind.DOUBLE, "r", TypeKind.REAL,
      "m", DataType.decimal(10, 2), "s", TypeKind.VARCHAR, "ts", TypeKind.TIMESTAMP,
      "dt", TypeKind.DATE);

  @TempDir
  Path dir;

  /** Writes the chunks as epoch 1, commits it and returns the committed file's text. */
  private String output(String format, Schema schema, Chunk... chunks) {
    TransactionalSinkConnector s = sink("t", schema, dir, format);
    s.recover(0, null);
    s.begin(1);
    for (Chunk c : chunks) {
      s.write(c);
    }
    s.preCommit(1);
    s.commit(1);
    s.close();
    return read(dir.resolve("t-" + epochName(1) + "." + format));
  }

  private static Chunk allTypesRows() {
    return chunk(ALL_TYPES,
        row(true, 7, 9_000_000_000L, 1.5, 2.25f, new BigDecimal("12.30"), "plain",
            LocalDateTime.of(2026, 1, 5, 9, 30), LocalDate.of(2026, 1, 5)),
        row(false, -1, -2L, 1e20, 0.1f, new BigDecimal("-0.05"), "x",
            LocalDateTime.of(2026, 1, 5, 9, 30, 1, 123_456_000), LocalDate.of(1969, 12, 31)),
        row(null, null, null, null, null, null, null, null, null));
  }

  @Test
  void csvWritesAHeaderAndEveryTypeAsDocumented() {
    assertThat(output("csv", ALL_TYPES, allTypesRows())).isEqualTo(
        "b,i,l,d,r,m,s,ts,dt,__op\n"
            + "true,7,9000000000,1.5,2.25,12.30,plain,2026-01-05T09:30:00,2026-01-05,+I\n"
            + "false,-1,-2,1.0E20,0.1,-0.05,x,2026-01-05T09:30:01.123456,1969-12-31,+I\n"
            + ",,,,,,,,,+I\n");
  }

  @Test
  void csvQuotesFieldsAsRfc4180SaysAndKeepsNullApartFromEmpty() {
    Schema schema = schema("id", TypeKind.BIGINT, "text", TypeKind.VARCHAR);
    String out = output("csv", schema, chunk(schema,
        row(1L, "a,b"),
        row(2L, "say \"hi\""),
        row(3L, "two\nlines"),
        row(4L, "cr\rhere"),
        row(5L, ""),
        row(6L, null),
        row(7L, "\""),
        row(8L, " spaces ; semicolons ")));
    assertThat(out).isEqualTo("id,text,__op\n"
        + "1,\"a,b\",+I\n"
        + "2,\"say \"\"hi\"\"\",+I\n"
        + "3,\"two\nlines\",+I\n"
        + "4,\"cr\rhere\",+I\n"
        + "5,\"\",+I\n"
        + "6,,+I\n"
        + "7,\"\"\"\",+I\n"
        + "8, spaces ; semicolons ,+I\n");
  }

  @Test
  void csvQuotesColumnNamesThatNeedIt() {
    Schema schema = schema("a,b", TypeKind.BIGINT, "q\"", TypeKind.BIGINT);
    assertThat(output("csv", schema, chunk(schema, row(1L, 2L))))
        .isEqualTo("\"a,b\",\"q\"\"\",__op\n1,2,+I\n");
  }

  @Test
  void everyRowCarriesItsKind() {
    Schema schema = schema("id", TypeKind.BIGINT, "n", TypeKind.BIGINT);
    Chunk changes = chunk(schema, kinds(I, UB, UA, D),
        row(1L, 1L), row(1L, 1L), row(1L, 2L), row(1L, 2L));
    assertThat(output("csv", schema, changes))
        .isEqualTo("id,n,__op\n1,1,+I\n1,1,-U\n1,2,+U\n1,2,-D\n");
  }

  @Test
  void changeKindsInJson() {
    Schema schema = schema("id", TypeKind.BIGINT);
    Chunk changes = chunk(schema, kinds(UB, UA, D), row(1L), row(2L), row(2L));
    assertThat(output("json", schema, changes)).isEqualTo(
        "{\"id\":1,\"__op\":\"-U\"}\n{\"id\":2,\"__op\":\"+U\"}\n{\"id\":2,\"__op\":\"-D\"}\n");
  }

  @Test
  void jsonWritesOneObjectPerLineWithTypedValues() {
    assertThat(output("json", ALL_TYPES, allTypesRows())).isEqualTo(
        "{\"b\":true,\"i\":7,\"l\":9000000000,\"d\":1.5,\"r\":2.25,\"m\":12.30,"
            + "\"s\":\"plain\",\"ts\":\"2026-01-05T09:30:00\",\"dt\":\"2026-01-05\","
            + "\"__op\":\"+I\"}\n"
            + "{\"b\":false,\"i\":-1,\"l\":-2,\"d\":1.0E20,\"r\":0.1,\"m\":-0.05,"
            + "\"s\":\"x\",\"ts\":\"2026-01-05T09:30:01.123456\",\"dt\":\"1969-12-31\","
            + "\"__op\":\"+I\"}\n"
            + "{\"b\":null,\"i\":null,\"l\":null,\"d\":null,\"r\":null,\"m\":null,"
            + "\"s\":null,\"ts\":null,\"dt\":null,\"__op\":\"+I\"}\n");
  }

  @Test
  void jsonEscapesStringsAndKeys() {
    Schema schema = schema("k\"ey", TypeKind.VARCHAR);
    String out = output("json", schema, chunk(schema,
        row("quote \" backslash \\ slash /"),
        row("nl\n cr\r tab\t bs\b ff\f nul\u0000 us\u001f del\u007f"),
        row("unicode \u00e9 \u4e2d \ud83d\ude00"),
        row("lone \ud800 surrogate"),
        row("")));
    assertThat(out).isEqualTo(
        "{\"k\\\"ey\":\"quote \\\" backslash \\\\ slash /\",\"__op\":\"+I\"}\n"
            + "{\"k\\\"ey\":\"nl\\n cr\\r tab\\t bs\\b ff\\f nul\\u0000 us\\u001f del\u007f\","
            + "\"__op\":\"+I\"}\n"
            + "{\"k\\\"ey\":\"unicode \u00e9 \u4e2d \ud83d\ude00\",\"__op\":\"+I\"}\n"
            + "{\"k\\\"ey\":\"lone \\ud800 surrogate\",\"__op\":\"+I\"}\n"
            + "{\"k\\\"ey\":\"\",\"__op\":\"+I\"}\n");
  }

  @Test
  void jsonWritesNonFiniteDoublesAsStrings() {
    Schema schema = schema("d", TypeKind.DOUBLE);
    assertThat(output("json", schema, chunk(schema, row(Double.NaN),
        row(Double.POSITIVE_INFINITY), row(Double.NEGATIVE_INFINITY), row(-0.0))))
        .isEqualTo("{\"d\":\"NaN\",\"__op\":\"+I\"}\n{\"d\":\"Infinity\",\"__op\":\"+I\"}\n"
            + "{\"d\":\"-Infinity\",\"__op\":\"+I\"}\n{\"d\":-0.0,\"__op\":\"+I\"}\n");
  }

  @Test
  void decimalsArePlainAndTimestampsBeforeEpochAreCorrect() {
    Schema schema = schema("m", DataType.decimal(18, 0), "ts", TypeKind.TIMESTAMP);
    assertThat(output("csv", schema, chunk(schema,
        row(new BigDecimal("100000000000000000"), LocalDateTime.of(1969, 12, 31, 23, 59, 59,
            999_999_000)))))
        .isEqualTo("m,ts,__op\n100000000000000000,1969-12-31T23:59:59.999999,+I\n");
  }

  @Test
  void filesAreUtf8() {
    Schema schema = schema("s", TypeKind.VARCHAR);
    assertThat(output("csv", schema, chunk(schema, row("caf\u00e9 \u4e2d"))))
        .isEqualTo("s,__op\ncaf\u00e9 \u4e2d,+I\n");
  }
}
