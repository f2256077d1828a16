package org.laminardb.durable;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.laminardb.LaminarDB;
import org.laminardb.Row;
import org.laminardb.SourceWriter;

/**
 * Child process of {@link DurableCrashTest}: opens a durable database, creates source
 * {@code nums} and views {@code per_id} and {@code totals} unless they exist, prints
 * {@code READY}, then writes rows with ids continuing after the largest id in {@code per_id},
 * until killed. Before each write it prints {@code TRY first last} (the ids it is about to write);
 * after the write returns, each id on its own line: those ids are acknowledged. With a third
 * argument, a checkpoint interval in milliseconds, it also checkpoints periodically and now and
 * then with a CHECKPOINT statement, so that kills also land during checkpoints.
 */
public final class DurableCrashWriter {
  private DurableCrashWriter() {}

  /**
   * Entry point.
   *
   * @param args the database directory, a random seed, optionally a checkpoint interval (ms),
   *     a directory for an exactly-once FILES sink of every id, and whether checkpoints encode
   *     the background copy of the state
   */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    long checkpointMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
    boolean background = args.length > 4 && Boolean.parseBoolean(args[4]);
    LaminarDB db = LaminarDB.builder().path(dir).backgroundCheckpoints(background)
        .checkpointInterval(java.time.Duration.ofMillis(checkpointMillis)).open();
    db.execute("CREATE SOURCE IF NOT EXISTS nums (id BIGINT, grp BIGINT)");
    db.execute("CREATE MATERIALIZED VIEW IF NOT EXISTS per_id AS SELECT id, COUNT(*) AS c "
        + "FROM nums GROUP BY id");
    db.execute("CREATE MATERIALIZED VIEW IF NOT EXISTS totals AS SELECT COUNT(*) AS n, "
        + "SUM(id) AS s FROM nums");
    if (args.length > 3) {
      db.execute("CREATE SINK IF NOT EXISTS all_ids INTO FILES (path = '" + args[3] + "') "
          + "AS SELECT id FROM nums");
    }
    List<Row> max = db.query("SELECT MAX(id) FROM per_id").rows();
    long next = (max.isEmpty() ? 0 : max.get(0).getLong(0)) + 1;
    out.println("READY");
    SourceWriter writer = db.source("nums");
    while (true) {
      if (checkpointMillis > 0 && random.nextInt(50) == 0) {
        db.execute("CHECKPOINT");
      }
      int kind = random.nextInt(3);
      int size = kind == 0 ? 1 : 2 + random.nextInt(4);
      long last = next + size - 1;
      out.println("TRY " + next + " " + last);
      if (kind == 0) {
        writer.insert(next, next % 7);
      } else if (kind == 1) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = next; id <= last; id++) {
          rows.add(new Object[] {id, id % 7});
        }
        writer.insertAll(rows);
      } else {
        StringBuilder sql = new StringBuilder("INSERT INTO nums VALUES ");
        for (long id = next; id <= last; id++) {
          sql.append(id == next ? "" : ", ").append('(').append(id).append(", ")
              .append(id % 7).append(')');
        }
        db.execute(sql.toString());
      }
      StringBuilder acks = new StringBuilder();
      for (long id = next; id <= last; id++) {
        acks.append(id == next ? "" : "\n").append(id);
      }
      out.println(acks);
      next = last + 1;
    }
  }
}
