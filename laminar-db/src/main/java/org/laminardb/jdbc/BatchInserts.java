package org.laminardb.jdbc;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.laminardb.SourceWriter;
import org.laminardb.internal.Engine;

/**
 * Fast path of a prepared batch of a plain {@code INSERT INTO source VALUES (?, ..., ?)} with one
 * marker per column: all parameter sets go to the source's writer in one {@code insertAll} call,
 * which writes every row or none.
 */
final class BatchInserts {
  private BatchInserts() {}

  /**
   * Writes a batch of parameter sets through the source's writer, when the statement allows.
   *
   * @param engine the engine
   * @param sql the prepared statement
   * @param parameterCount number of markers in it
   * @param sets the parameter sets, in order
   * @return one count of 1 per set, or null if the fast path does not apply (another statement
   *     form, a target that is not a source, or a column count that differs)
   * @throws SQLException a {@link BatchUpdateException} with no counts if the write failed, in
   *     which case no row was written
   */
  static long[] tryInsertAll(Engine engine, String sql, int parameterCount, List<Object[]> sets)
      throws SQLException {
    if (sets.size() < 2) {
      return null;
    }
    String target = SqlScanner.plainInsertTarget(sql);
    if (target == null) {
      return null;
    }
    SourceWriter writer;
    try {
      writer = engine.writer(target);
    } catch (RuntimeException e) {
      return null;
    }
    try (SourceWriter w = writer) {
      if (w.columns().size() != parameterCount) {
        return null;
      }
      w.insertAll(sets);
    } catch (RuntimeException e) {
      SQLException cause = JdbcErrors.translate(e);
      throw new BatchUpdateException("batch of " + sets.size() + " rows into " + target
          + " failed: " + cause.getMessage(), cause.getSQLState(), 0, new long[0], cause);
    }
    long[] counts = new long[sets.size()];
    Arrays.fill(counts, 1);
    return counts;
  }
}
