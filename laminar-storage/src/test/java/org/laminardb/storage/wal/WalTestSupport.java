package org.laminardb.storage.wal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the WAL tests. */
final class WalTestSupport {
  private WalTestSupport() {}

  static byte[] payload(long n) {
    return ("record-" + n).getBytes(StandardCharsets.UTF_8);
  }

  static long appendCommit(Wal wal, int stream, long n) {
    byte[] p = payload(n);
    return wal.appendAndCommit(stream, p, 0, p.length);
  }

  /** Reads all records from {@code from}: "lsn:stream:payload" strings. */
  static List<String> readAll(Wal wal, long from) {
    List<String> out = new ArrayList<>();
    try (WalReader r = wal.reader(from)) {
      while (r.next()) {
        out.add(r.lsn() + ":" + r.stream() + ":"
            + new String(r.payload(), 0, r.payloadLength(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static List<String> expected(long fromLsn, long toLsn, int stream) {
    List<String> out = new ArrayList<>();
    for (long l = fromLsn; l <= toLsn; l++) {
      out.add(l + ":" + stream + ":record-" + l);
    }
    return out;
  }
}
