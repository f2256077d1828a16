package org.laminardb.storage.wal;

import java.nio.file.Path;
import org.laminardb.error.LaminarDBException;

/** Child process of {@link WalLockTest}: tries to open a WAL and prints OPENED or the SQLSTATE. */
public final class LockProbe {
  private LockProbe() {}

  /**
   * Entry point.
   *
   * @param args the WAL directory
   */
  public static void main(String[] args) {
    try (Wal wal = Wal.open(Path.of(args[0]), WalOptions.defaults())) {
      System.out.println("OPENED " + wal.lastLsn());
    } catch (LaminarDBException e) {
      System.out.println(e.sqlState());
    }
  }
}
