package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Nexmark queries of {@code laminar-cli/src/main/resources/nexmark/} against H2: all of
 * them run as materialized views in one database over 4 000 generated events (80 persons, 240
 * auctions, 3 680 bids, 100 events a second of event time: 40 seconds, so that windows of 10
 * seconds and sessions happen; the sources start 10 seconds after they are created, so that
 * all views exist before the first event), and each view's final contents must equal H2's batch result of
 * the same query over the same rows. The rows reach H2 through subscriptions to the three
 * sources. Windowed views keep open windows (the default {@code EMIT ON UPDATE} of a
 * materialized view), so they compare with the batch result over all rows. H2 has no window
 * table functions, so the windowed queries have their own H2 text computing windows from the
 * event time in microseconds ({@code ts}); {@code SPLIT_INDEX} and {@code REGEXP_EXTRACT} are
 * Java functions here, independent of the queries' POSITION/SUBSTRING translations (the class is
 * public so that H2 can call them).
 */
public class NexmarkQueriesTest {
  private static final Path DIR = Path.of("..", "laminar-cli", "src", "main", "resources",
      "nexmark");
  private static final int EVENTS = 4_000;
  private static final long SEC = 1_000_000L;
  private static final Pattern NAME = Pattern.compile("q\\d+");
  private static final Pattern VIEW = Pattern.compile(
      "(?s)^.*?CREATE\\s+MATERIALIZED\\s+VIEW\\s+(q\\d+)\\s+AS\\s+(.*)$");

  /** H2 text of the queries that H2 cannot run as written (windows, dialect). */
  private static final Map<String, String> ORACLE = Map.of(
      "q5", "SELECT ab.auction, ab.num, ab.ws, ab.ws + 10000000 FROM "
          + "(SELECT auction, ws, COUNT(*) AS num FROM hop_bid GROUP BY auction, ws) ab "
          + "JOIN (SELECT ws, MAX(num) AS maxn FROM (SELECT auction, ws, COUNT(*) AS num "
          + "FROM hop_bid GROUP BY auction, ws) c GROUP BY ws) mb "
          + "ON ab.ws = mb.ws AND ab.num >= mb.maxn",
      "q7", "SELECT b.auction, b.price, b.bidder, b.date_time, b.extra FROM bid b JOIN "
          + "(SELECT MAX(price) AS maxprice, ws + 10000000 AS we FROM (SELECT price, "
          + "ts - MOD(ts, 10000000) AS ws FROM bid) t GROUP BY ws) b1 ON b.price = b1.maxprice "
          + "WHERE b.ts BETWEEN b1.we - 10000000 AND b1.we",
      "q8", "SELECT p.id, p.name, p.ws FROM (SELECT DISTINCT id, name, ts - MOD(ts, 10000000) "
          + "AS ws FROM person) p JOIN (SELECT DISTINCT seller, ts - MOD(ts, 10000000) AS ws "
          + "FROM auction) a ON p.id = a.seller AND p.ws = a.ws "
          // q8 emits on window close: only windows both watermarks (4 s behind) have passed.
          + "WHERE p.ws + 10000000 <= LEAST((SELECT MAX(ts) FROM person), "
          + "(SELECT MAX(ts) FROM auction)) - 4000000",
      "q11", "SELECT bidder, COUNT(*), MIN(ts), MAX(ts) + 10000000 FROM (SELECT bidder, ts, "
          + "SUM(fresh) OVER (PARTITION BY bidder ORDER BY ts ROWS UNBOUNDED PRECEDING) AS sid "
          + "FROM (SELECT bidder, ts, CASE WHEN ts - LAG(ts) OVER (PARTITION BY bidder "
          + "ORDER BY ts) < 10000000 THEN 0 ELSE 1 END AS fresh FROM bid) x) y "
          + "GROUP BY bidder, sid",
      "q13", "SELECT b.auction, b.bidder, b.price, b.date_time, s.label FROM bid b "
          + "JOIN side_input s ON MOD(b.auction, 10000) = s.id",
      "q16", "SELECT channel, CAST(date_time AS DATE), MAX(ts - MOD(ts, 60000000)), COUNT(*), "
          + "COUNT(*) FILTER (WHERE price < 10000), "
          + "COUNT(*) FILTER (WHERE price >= 10000 AND price < 1000000), "
          + "COUNT(*) FILTER (WHERE price >= 1000000), COUNT(DISTINCT bidder), "
          + "COUNT(DISTINCT bidder) FILTER (WHERE price < 10000), "
          + "COUNT(DISTINCT bidder) FILTER (WHERE price >= 10000 AND price < 1000000), "
          + "COUNT(DISTINCT bidder) FILTER (WHERE price >= 1000000), COUNT(DISTINCT auction), "
          + "COUNT(DISTINCT auction) FILTER (WHERE price < 10000), "
          + "COUNT(DISTINCT auction) FILTER (WHERE price >= 10000 AND price < 1000000), "
          + "COUNT(DISTINCT auction) FILTER (WHERE price >= 1000000) "
          + "FROM bid GROUP BY channel, CAST(date_time AS DATE)",
      "q21", "SELECT auction, bidder, price, channel, CASE WHEN LOWER(channel) = 'apple' THEN '0' "
          + "WHEN LOWER(channel) = 'google' THEN '1' WHEN LOWER(channel) = 'facebook' THEN '2' "
          + "WHEN LOWER(channel) = 'baidu' THEN '3' "
          + "ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) END FROM bid "
          + "WHERE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL "
          + "OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu')",
      "q22", "SELECT auction, bidder, price, channel, SPLIT_INDEX(url, '/', 3), "
          + "SPLIT_INDEX(url, '/', 4), SPLIT_INDEX(url, '/', 5) FROM bid");

  /** q13's side table rows, as the harness gives them (NexmarkRunner.sideInput). */
  private static final String SIDE_INPUT = IntStream.range(0, 10_000)
      .mapToObj(i -> "(" + i + ", 'side-" + i + "')").collect(Collectors.joining(", "));
  /** The queries' own set-up statements (q13's side table), for H2 too. */
  private static final List<String> SETUP = new ArrayList<>();

  private static LaminarDB db;
  private static H2Oracle h2;
  private static final Map<String, RuntimeException> CREATE_ERRORS = new HashMap<>();

  static Stream<String> queries() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString().replace(".sql", ""))
          .filter(n -> NAME.matcher(n).matches())
          .sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)),
              Integer.parseInt(b.substring(1))))
          .collect(Collectors.toList()).stream();
    }
  }

  /**
   * The statements of a file of the suite, without comment lines.
   *
   * @param file the file name in the suite's directory
   * @return its statements, separated by {@code ;} at line ends
   * @throws IOException if it cannot be read
   */
  static List<String> statements(String file) throws IOException {
    String text = Files.readAllLines(DIR.resolve(file)).stream()
        .filter(l -> !l.strip().startsWith("--"))
        .collect(Collectors.joining("\n")).replace("${side_input}", SIDE_INPUT);
    List<String> out = new ArrayList<>();
    for (String s : text.split(";\\s*(\n|$)")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  @BeforeAll
  static void runAll() throws Exception {
    db = LaminarDB.open();
    String sources = String.join(";\n", statements("sources.sql"))
        .replace("${events}", String.valueOf(EVENTS)).replace("${seed}", "7")
        .replace("${rate}", "100").replace("${delay}", "10 s");
    for (String s : sources.split(";\n")) {
      db.execute(s);
    }
    Map<String, List<Object[]>> rows = new HashMap<>();
    for (String table : List.of("person", "auction", "bid")) {
      List<Object[]> list = Collections.synchronizedList(new ArrayList<>());
      rows.put(table, list);
      db.subscribe(table, r -> {
        Object[] values = new Object[r.size() + 1];
        for (int i = 0; i < r.size(); i++) {
          values[i] = r.get(i);
        }
        values[r.size()] = WindowInput.micros((LocalDateTime) r.get("date_time"));
        list.add(values);
      });
    }
    for (String q : queries().collect(Collectors.toList())) {
      try {
        List<String> statements = statements(q + ".sql");
        for (String s : statements) {
          db.execute(s);
        }
        SETUP.addAll(statements.subList(0, statements.size() - 1));
      } catch (RuntimeException e) {
        CREATE_ERRORS.put(q, e);
      }
    }
    // A view created after the first events would miss them: the start delay must cover all.
    assertThat(rows.values().stream().mapToInt(List::size).sum())
        .as("source rows before the last view was created (raise the start delay)").isZero();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while ((rows.get("person").size() < EVENTS / 50 || rows.get("auction").size() < EVENTS / 50 * 3
        || rows.get("bid").size() < EVENTS / 50 * 46) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(rows.get("person")).hasSize(EVENTS / 50);
    assertThat(rows.get("auction")).hasSize(EVENTS / 50 * 3);
    assertThat(rows.get("bid")).hasSize(EVENTS / 50 * 46);
    h2 = new H2Oracle("");
    h2.execute("CREATE TABLE person (id BIGINT, name VARCHAR, email_address VARCHAR, "
        + "credit_card VARCHAR, city VARCHAR, state VARCHAR, date_time TIMESTAMP(6), "
        + "extra VARCHAR, ts BIGINT)",
        "CREATE TABLE auction (id BIGINT, item_name VARCHAR, description VARCHAR, "
        + "initial_bid BIGINT, reserve BIGINT, date_time TIMESTAMP(6), expires TIMESTAMP(6), "
        + "seller BIGINT, category BIGINT, extra VARCHAR, ts BIGINT)",
        "CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, "
        + "url VARCHAR, date_time TIMESTAMP(6), extra VARCHAR, ts BIGINT)",
        "CREATE TABLE hop_k (k BIGINT)", "INSERT INTO hop_k VALUES (0), (1), (2), (3), (4)",
        // The 10-second windows sliding by 2 seconds of each bid: 5 per bid.
        "CREATE VIEW hop_bid AS SELECT auction, ts - MOD(ts, 2000000) - k * 2000000 AS ws "
        + "FROM bid, hop_k",
        "CREATE ALIAS SPLIT_INDEX FOR 'org.laminardb.NexmarkQueriesTest.splitIndex'",
        "CREATE ALIAS REGEXP_EXTRACT FOR 'org.laminardb.NexmarkQueriesTest.regexpExtract'");
    for (String table : List.of("person", "auction", "bid")) {
      h2.insert(table, rows.get(table));
    }
    h2.execute(SETUP.toArray(new String[0]));
  }

  @AfterAll
  static void close() throws Exception {
    if (h2 != null) {
      h2.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void viewEqualsTheBatchResult(String q) throws Exception {
    if (CREATE_ERRORS.containsKey(q)) {
      throw CREATE_ERRORS.get(q);
    }
    List<String> statements = statements(q + ".sql");
    Matcher m = VIEW.matcher(statements.get(statements.size() - 1));
    assertThat(m.matches()).as("%s.sql defines CREATE MATERIALIZED VIEW", q).isTrue();
    assertThat(m.group(1)).isEqualTo(q);
    List<List<Object>> expected = h2.query(ORACLE.getOrDefault(q, m.group(2)));
    assertThat(expected).as("%s has rows over %d events", q, EVENTS).isNotEmpty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String diff = ResultComparison.diff(ResultComparison.query(db, "SELECT * FROM " + q),
        expected);
    while (diff != null && System.nanoTime() < deadline) {
      Thread.sleep(200);
      diff = ResultComparison.diff(ResultComparison.query(db, "SELECT * FROM " + q), expected);
    }
    String status = db.query("SHOW MATERIALIZED VIEWS").rows().stream()
        .filter(r -> r.getString(0).equalsIgnoreCase(q)).map(ResultComparison::row)
        .map(Object::toString).findFirst().orElse("not shown");
    assertThat(diff).as("%s (%s)", q, status).isNull();
  }

  /**
   * Flink's {@code SPLIT_INDEX}: the part at a 0-based index of a string split at every
   * occurrence of a separator (empty parts kept), NULL past the last part. For H2.
   *
   * @param s the string
   * @param separator the separator
   * @param index the part's index
   * @return the part, or null
   */
  public static String splitIndex(String s, String separator, int index) {
    if (s == null) {
      return null;
    }
    String[] parts = s.split(Pattern.quote(separator), -1);
    return index < parts.length ? parts[index] : null;
  }

  /**
   * Flink's {@code REGEXP_EXTRACT}: a group of the first match of a Java regular expression,
   * NULL if there is none. For H2.
   *
   * @param s the string
   * @param regex the expression
   * @param group the group
   * @return the group's text, or null
   */
  public static String regexpExtract(String s, String regex, int group) {
    if (s == null) {
      return null;
    }
    Matcher m = Pattern.compile(regex).matcher(s);
    return m.find() ? m.group(group) : null;
  }
}
