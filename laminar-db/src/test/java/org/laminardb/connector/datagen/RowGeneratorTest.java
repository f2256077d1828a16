package org.laminardb.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.connector.datagen.GeneratedRows.column;
import static org.laminardb.connector.datagen.GeneratedRows.generate;
import static org.laminardb.connector.datagen.GeneratedRows.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

class RowGeneratorTest {
  private static final Schema TRADES = schema("id", TypeKind.BIGINT, "user_id", TypeKind.INT,
      "price", TypeKind.DOUBLE, "symbol", TypeKind.VARCHAR, "ts", TypeKind.TIMESTAMP);
  private static final Map<String, String> TRADE_OPTIONS = Map.of(
      "rows_per_second", "100", "seed", "42",
      "fields.id.kind", "sequence", "fields.id.start", "1",
      "fields.user_id.min", "1", "fields.user_id.max", "50",
      "fields.symbol.values", "AAPL,MSFT,GOOG",
      "fields.price.min", "10", "fields.price.max", "500");

  private static long micros(String timestamp) {
    LocalDateTime t = LocalDateTime.parse(timestamp);
    return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
  }

  @Test
  void sameOptionsGiveSameRows() {
    List<Object[]> a = generate(TRADES, TRADE_OPTIONS, 500);
    List<Object[]> b = generate(TRADES, TRADE_OPTIONS, 500);
    assertThat(a).hasSize(500);
    assertThat(b).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(a);
  }

  @Test
  void differentSeedGivesDifferentRows() {
    Map<String, String> other = new java.util.HashMap<>(TRADE_OPTIONS);
    other.put("seed", "43");
    assertThat(column(generate(TRADES, other, 100), 2))
        .isNotEqualTo(column(generate(TRADES, TRADE_OPTIONS, 100), 2));
  }

  @Test
  void sequenceCountsFromStartExactly() {
    List<Object> ids = column(generate(TRADES, TRADE_OPTIONS, 1000), 0);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(ids.get(i)).isEqualTo(i + 1L);
    }
  }

  @Test
  void randomValuesStayInRange() {
    List<Object[]> rows = generate(TRADES, TRADE_OPTIONS, 2000);
    assertThat(column(rows, 1)).allSatisfy(v -> assertThat((Long) v).isBetween(1L, 50L));
    assertThat(new HashSet<>(column(rows, 1))).hasSize(50);
    assertThat(column(rows, 2)).allSatisfy(v -> assertThat((Double) v).isBetween(10.0, 500.0));
  }

  @Test
  void valuesArePickedFromTheList() {
    Set<Object> symbols = new HashSet<>(column(generate(TRADES, TRADE_OPTIONS, 300), 3));
    assertThat(symbols).containsExactlyInAnyOrder("AAPL", "MSFT", "GOOG");
  }

  @Test
  void nullRateGivesAboutThatFractionOfNulls() {
    Schema s = schema("v", TypeKind.INT, "w", TypeKind.VARCHAR);
    List<Object[]> rows = generate(s,
        Map.of("fields.v.null_rate", "0.25", "fields.w.null-rate", "1"), 4000);
    long nulls = column(rows, 0).stream().filter(v -> v == null).count();
    assertThat(nulls).isBetween(800L, 1200L);
    assertThat(column(rows, 1)).containsOnlyNulls();
  }

  @Test
  void eventTimeAdvancesBySecondOverRate() {
    List<Object> ts = column(generate(TRADES, TRADE_OPTIONS, 5), 4);
    long start = micros("2024-01-01T00:00:00");
    assertThat(ts).containsExactly(start, start + 10_000, start + 20_000, start + 30_000,
        start + 40_000);
  }

  @Test
  void eventTimeHonoursStartAndStep() {
    Schema s = schema("ts", TypeKind.TIMESTAMP);
    List<Object> ts = column(generate(s, Map.of("fields.ts.start", "2025-06-01 12:00:00.5",
        "fields.ts.step", "1 s"), 3), 0);
    long start = micros("2025-06-01T12:00:00.5");
    assertThat(ts).containsExactly(start, start + 1_000_000, start + 2_000_000);
  }

  @Test
  void outOfOrdernessLagsWithinTheBound() {
    Schema s = schema("ts", TypeKind.TIMESTAMP);
    List<Object> ts = column(generate(s, Map.of("fields.ts.step", "10 ms",
        "fields.ts.max_out_of_orderness", "500 ms"), 1000), 0);
    long start = micros("2024-01-01T00:00:00");
    boolean outOfOrder = false;
    for (int i = 0; i < ts.size(); i++) {
      long base = start + i * 10_000L;
      assertThat((Long) ts.get(i)).isBetween(base - 500_000, base);
      outOfOrder |= i > 0 && (Long) ts.get(i) < (Long) ts.get(i - 1);
    }
    assertThat(outOfOrder).isTrue();
  }

  @Test
  void numberOfRowsBoundsTheSource() {
    RowGenerator g = RowGenerator.create("s", TRADES, Map.of("number_of_rows", "3"));
    Chunk chunk = new Chunk(TRADES, 8);
    while (g.hasNext()) {
      g.writeRow(chunk.columns, chunk.size++);
    }
    assertThat(g.rowCount()).isEqualTo(3);
  }

  @Test
  void boundedSequenceEndsTheSource() {
    Schema s = schema("n", DataType.decimal(5, 2), "label", TypeKind.VARCHAR);
    List<Object[]> rows = generate(s, Map.of("fields.n.kind", "sequence", "fields.n.start", "7",
        "fields.n.end", "9", "fields.label.kind", "sequence"), 100);
    assertThat(column(rows, 0)).containsExactly(700L, 800L, 900L);
    assertThat(column(rows, 1)).containsExactly("1", "2", "3");
  }

  @Test
  void everySupportedTypeHasARandomDefault() {
    Schema s = schema("b", TypeKind.BOOLEAN, "i", TypeKind.INT, "l", TypeKind.BIGINT,
        "d", TypeKind.DOUBLE, "r", TypeKind.REAL, "m", DataType.decimal(10, 2),
        "v", TypeKind.VARCHAR, "t", TypeKind.TIMESTAMP, "dt", TypeKind.DATE);
    List<Object[]> rows = generate(s, Map.of(), 500);
    assertThat(column(rows, 0)).allMatch(v -> (Long) v == 0 || (Long) v == 1);
    assertThat(column(rows, 1)).allMatch(v -> (Long) v >= 0 && (Long) v <= 1000);
    assertThat(column(rows, 4)).allMatch(v -> (Double) v == (float) (double) (Double) v);
    assertThat(column(rows, 5)).allMatch(v -> (Long) v >= 0 && (Long) v <= 100_000);
    assertThat(column(rows, 6)).allMatch(v -> ((String) v).length() == 10);
    long first = LocalDate.parse("2024-01-01").toEpochDay();
    assertThat(column(rows, 8)).allMatch(v -> (Long) v >= first && (Long) v <= first + 365);
  }

  @Test
  void typedValueListsAreParsedPerType() {
    Schema s = schema("b", TypeKind.BOOLEAN, "m", DataType.decimal(6, 2), "dt", TypeKind.DATE,
        "t", TypeKind.TIMESTAMP, "r", TypeKind.REAL);
    List<Object[]> rows = generate(s, Map.of("fields.b.values", "true", "fields.m.values",
        "1.5, 2.25", "fields.dt.values", "2024-03-01", "fields.t.kind", "random",
        "fields.t.values", "2024-01-01 10:00:00", "fields.r.values", "0.1"), 50);
    assertThat(new HashSet<>(column(rows, 0))).containsExactly(1L);
    assertThat(new HashSet<>(column(rows, 1))).containsExactlyInAnyOrder(150L, 225L);
    assertThat(new HashSet<>(column(rows, 2)))
        .containsExactly(LocalDate.parse("2024-03-01").toEpochDay());
    assertThat(new HashSet<>(column(rows, 3))).containsExactly(micros("2024-01-01T10:00:00"));
    assertThat(new HashSet<>(column(rows, 4))).containsExactly((double) 0.1f);
  }

  @Test
  void addingAColumnKeepsTheValuesOfTheOthers() {
    Schema wider = schema("extra", TypeKind.INT, "price", TypeKind.DOUBLE);
    Schema narrow = schema("price", TypeKind.DOUBLE);
    assertThat(column(generate(wider, Map.of(), 50), 1))
        .isEqualTo(column(generate(narrow, Map.of(), 50), 0));
  }

  @Test
  void generateWritesThroughAChunkWriter() {
    ChunkChannel channel = new ChunkChannel(TRADES, 4, 16);
    ChunkWriter writer = new ChunkWriter(channel);
    RowGenerator g = RowGenerator.create("s", TRADES, TRADE_OPTIONS);
    for (int i = 0; i < 20; i++) {
      g.generate(writer);
    }
    writer.flush();
    Chunk full = channel.poll();
    Chunk rest = channel.poll();
    assertThat(full.size).isEqualTo(16);
    assertThat(rest.size).isEqualTo(4);
    assertThat(rest.columns[0].longs[3]).isEqualTo(20L);
    assertThat(List.of(full.columns[3].strings).stream().collect(Collectors.toSet()))
        .isSubsetOf(Set.of("AAPL", "MSFT", "GOOG"));
  }
}
