package org.laminardb.storage.wal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link WalCrashTest}: appends numbered records with FSYNC (two threads, for
 * group commit) and prints each acknowledged number, until killed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  /**
   * Entry point.
   *
   * @param args the WAL directory and the first number to write
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long start = Long.parseLong(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Wal wal = Wal.open(dir, WalOptions.defaults().withSegmentBytes(4096));
    out.println("READY");
    Thread[] ts = new Thread[2];
    for (int t = 0; t < ts.length; t++) {
      long base = start + t * 1_000_000_000L;
      ts[t] = new Thread(() -> {
        for (long n = base; ; n++) {
          byte[] p = Long.toString(n).getBytes(StandardCharsets.UTF_8);
          wal.appendAndCommit(1, p, 0, p.length);
          synchronized (out) {
            out.println(n);
          }
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
  }
}
