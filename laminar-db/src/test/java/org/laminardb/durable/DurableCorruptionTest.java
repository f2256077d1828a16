package org.laminardb.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.error.LaminarDBException;

/**
 * Damaged logs: a bit flip in the middle of the WAL fails the open with {@code XX001} naming the
 * segment, while a torn tail (the last record cut short, as by a crash during a write) is cut off
 * and everything before it comes back.
 *
 * <p>Records are located with the segment layout of {@code docs/STORAGE.md}: a 24-byte header,
 * then records of a 4-byte length, a 4-byte CRC32C and 8 + 4 + length checked bytes.
 */
@Timeout(60)
class DurableCorruptionTest {
  private static final int ROWS = 30;

  @TempDir Path dir;

  /** A record found in a segment file. */
  record RecordAt(Path segment, long offset, int payloadLength) {}

  /** Creates source {@code t}, views over it, and inserts ids 1..ROWS one call each. */
  private void writeRows() {
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE t (id BIGINT)");
      db.execute("CREATE MATERIALIZED VIEW totals AS SELECT COUNT(*) AS n, SUM(id) AS s FROM t");
      db.execute("CREATE MATERIALIZED VIEW ids AS SELECT id, COUNT(*) AS c FROM t GROUP BY id");
      try (SourceWriter w = db.source("t")) {
        for (long id = 1; id <= ROWS; id++) {
          w.insert(id);
        }
      }
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
      return files.filter(p -> p.getFileName().toString().matches("wal-\\d+\\.seg"))
          .sorted().collect(Collectors.toList());
    }
  }

  private static List<RecordAt> records(Path segment) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(segment));
    List<RecordAt> out = new ArrayList<>();
    long offset = 24;
    while (offset + 20 <= b.limit()) {
      int length = b.getInt((int) offset);
      if (length < 0 || offset + 20 + length > b.limit()) {
        break;
      }
      out.add(new RecordAt(segment, offset, length));
      offset += 20 + length;
    }
    return out;
  }

  private static long count(LaminarDB db, String sql) {
    return db.query(sql).rows().get(0).getLong(0);
  }

  @Test
  void shouldFailTheOpenNamingTheSegmentWhenAByteInTheMiddleIsFlipped() throws IOException {
    writeRows();
    List<RecordAt> all = new ArrayList<>();
    for (Path segment : segments()) {
      all.addAll(records(segment));
    }
    assertThat(all).as("records in %s", dir.resolve("wal")).hasSizeGreaterThan(ROWS);
    // A record in the middle, followed by intact ones: a flip inside its checked bytes (not its
    // length field) cannot be mistaken for a torn tail.
    RecordAt victim = all.get(all.size() / 2);
    long position = victim.offset() + 8 + (12 + victim.payloadLength()) / 2;
    try (FileChannel ch = FileChannel.open(victim.segment(), StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.read(one, position);
      one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
      ch.write(one, position);
    }
    String name = victim.segment().getFileName().toString();
    for (int attempt = 0; attempt < 2; attempt++) {
      // The second attempt also shows that the failed open let go of the directory.
      assertThatThrownBy(() -> LaminarDB.open(dir).close())
          .isInstanceOf(LaminarDBException.class)
          .hasMessageContaining(name)
          .extracting(Rows::sqlState).isEqualTo("XX001");
    }
  }

  @Test
  void shouldKeepEverythingBeforeATornTail() throws IOException {
    writeRows();
    List<Path> segments = segments();
    Path last = segments.get(segments.size() - 1);
    assertThat(records(last)).as("records in %s", last).isNotEmpty();
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 3);
    }
    long n;
    try (LaminarDB db = LaminarDB.open(dir)) {
      n = count(db, "SELECT n FROM totals");
      // Only the last record can be lost: the single-row insert of id ROWS (or nothing, if
      // the close wrote a record of its own after it).
      assertThat(n).isBetween((long) ROWS - 1, (long) ROWS);
      assertThat(count(db, "SELECT s FROM totals")).isEqualTo(n * (n + 1) / 2);
      assertThat(Rows.of(db, "SELECT id, c FROM ids ORDER BY id")).containsExactlyElementsOf(
          LongStream.rangeClosed(1, n).mapToObj(id -> id + "|1").collect(Collectors.toList()));
      // The log stays writable after the cut.
      try (SourceWriter w = db.source("t")) {
        w.insert(n + 1);
        w.insertAll(List.of(new Object[] {n + 2}, new Object[] {n + 3}));
      }
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      assertThat(count(db, "SELECT n FROM totals")).isEqualTo(n + 3);
      assertThat(count(db, "SELECT s FROM totals")).isEqualTo((n + 3) * (n + 4) / 2);
      assertThat(count(db, "SELECT COUNT(*) FROM ids WHERE c <> 1")).isZero();
    }
  }
}
