package org.laminardb.storage.checkpoint;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link CheckpointCrashTest}: writes checkpoints in a loop (epochs after the
 * newest in the directory, state derived from the epoch) and prints each completed epoch, until
 * killed.
 */
public final class CheckpointCrashWriter {
  private CheckpointCrashWriter() {}

  /**
   * Entry point.
   *
   * @param args the checkpoint directory
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CheckpointStore store = CheckpointStore.open(Path.of(args[0]), 2);
    List<CheckpointInfo> existing = store.list();
    long epoch = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).epoch() + 1;
    out.println("READY");
    for (; ; epoch++) {
      CheckpointWriter w = store.begin(epoch);
      for (int f = 0; f < 3; f++) {
        w.writeStateFile("op" + f, state(epoch, f));
      }
      w.complete(w.manifest(Map.of("src", epoch * 10), Map.of("src", epoch * 100),
          Map.of("sink", "txn-" + epoch)));
      out.println(epoch);
    }
  }

  /**
   * The state of file {@code f} at {@code epoch}: up to 96 KiB, a function of both.
   *
   * @param epoch the epoch
   * @param f the file number
   * @return the bytes
   */
  static byte[] state(long epoch, int f) {
    int n = (int) ((epoch * 7919 + f * 104_729) % (96 << 10));
    byte[] b = new byte[n];
    long x = epoch * 31 + f;
    for (int i = 0; i < n; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      b[i] = (byte) (x >>> 56);
    }
    return b;
  }
}
