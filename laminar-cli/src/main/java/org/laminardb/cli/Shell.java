package org.laminardb.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.laminardb.LaminarDB;
import org.laminardb.Row;
import org.laminardb.StatementResult;
import org.laminardb.Subscription;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Runs statements against an open database and prints their outcome: row tables, command tags,
 * live subscription rows and errors ({@code ERROR [42P01]: message}, on the error stream).
 * {@link #close()} may be called from another thread (the shutdown hook) to end a running
 * SUBSCRIBE and close the database.
 */
public final class Shell implements AutoCloseable {
  private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final LaminarDB db;
  private final PrintWriter out;
  private final PrintWriter err;
  private final long maxRows;
  private final Duration subscribeTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Subscription current;

  /**
   * Creates a shell over a database, which it closes at the end.
   *
   * @param db the database
   * @param out where results go
   * @param err where errors go
   * @param maxRows rows after which a SUBSCRIBE stops; 0 for no limit
   * @param subscribeTimeout time after which a SUBSCRIBE stops, or null for no limit
   */
  public Shell(LaminarDB db, PrintWriter out, PrintWriter err, long maxRows,
      Duration subscribeTimeout) {
    this.db = db;
    this.out = out;
    this.err = err;
    this.maxRows = maxRows;
    this.subscribeTimeout = subscribeTimeout;
  }

  /**
   * Executes one statement and prints its outcome, followed by an empty line.
   *
   * @param sql the statement
   * @return true if it succeeded, false if an error was printed
   */
  public boolean execute(String sql) {
    StatementResult r;
    try {
      r = db.execute(sql);
    } catch (LaminarDBException e) {
      printError(e);
      return false;
    } catch (RuntimeException e) {
      printError(internal(e));
      return false;
    }
    boolean ok = true;
    switch (r.kind()) {
      case ROWS:
        out.print(TablePrinter.format(r.rows()));
        break;
      case UPDATE_COUNT:
        out.println(countTag(r));
        break;
      case SUBSCRIPTION:
        ok = follow(r.subscription());
        break;
      default:
        out.println(r.tag());
        break;
    }
    out.println();
    out.flush();
    return ok;
  }

  /**
   * Prints an error as {@code ERROR [SQLSTATE]: message}.
   *
   * @param e the error
   */
  public void printError(LaminarDBException e) {
    out.flush();
    err.println("ERROR [" + e.sqlState() + "]: " + e.getMessage());
    err.flush();
  }

  /** Ends a running SUBSCRIBE and closes the database; safe to call twice, from any thread. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Subscription s = current;
    if (s != null) {
      s.close();
    }
    db.close();
  }

  private boolean follow(Subscription sub) {
    current = sub;
    LivePrinter printer = new LivePrinter(sub.columns(), out);
    try {
      if (closed.get()) {
        return true;
      }
      printer.printHeader();
      long deadline = subscribeTimeout == null ? Long.MAX_VALUE
          : System.nanoTime() + subscribeTimeout.toNanos();
      while ((maxRows <= 0 || printer.rowCount() < maxRows) && !sub.isClosed()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        Row row = sub.poll(Duration.ofNanos(Math.min(left, POLL_SLICE_NANOS)));
        if (row != null) {
          printer.printRow(row);
        }
      }
      printer.printFooter();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      printer.printFooter();
      return true;
    } catch (LaminarDBException e) {
      printError(e);
      return false;
    } catch (RuntimeException e) {
      printError(internal(e));
      return false;
    } finally {
      current = null;
      sub.close();
    }
  }

  private static String countTag(StatementResult r) {
    return "INSERT".equals(r.tag()) ? "INSERT 0 " + r.updateCount()
        : r.tag() + " " + r.updateCount();
  }

  private static LaminarDBException internal(RuntimeException e) {
    return new LaminarDBException(ErrorCode.INTERNAL_ERROR,
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
  }
}
