package org.laminardb.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.laminardb.error.LaminarDBException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory lock holds against other processes, also after a refused open in this JVM. */
class WalLockTest {
  @TempDir Path dir;

  @Test
  void otherProcessIsRefusedWhileOpen() throws Exception {
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      WalTestSupport.appendCommit(wal, 1, 1);
      assertThatThrownBy(() -> Wal.open(dir.resolve("..").resolve(dir.getFileName()),
          WalOptions.defaults())).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("in use");
      assertThat(probe()).isEqualTo("55006");
    }
    assertThat(probe()).isEqualTo("OPENED 1");
  }

  private String probe() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        LockProbe.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return out;
  }
}
