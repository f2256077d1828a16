package org.laminardb.durable;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test class path running in a child JVM, for crash and lock tests. Its
 * stdout goes to a file (a pipe would be closed under a reader by the kill), read back as
 * complete lines only, since a kill can cut the last line short. {@link #kill()} is SIGKILL on
 * Linux: no shutdown hooks, no flushing, no clean close.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path out;

  private ChildJvm(Process process, Path out) {
    this.process = process;
    this.out = out;
  }

  /**
   * Starts {@code main} with {@code args}; its stderr is inherited.
   *
   * @param outDir where to put the stdout file
   * @param main the main class
   * @param args its arguments
   * @return the running child
   * @throws IOException if it cannot start
   */
  static ChildJvm start(Path outDir, Class<?> main, String... args) throws IOException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(outDir, main.getSimpleName(), ".out");
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectOutput(out.toFile())
        .start();
    return new ChildJvm(process, out);
  }

  /**
   * The complete lines printed so far.
   *
   * @return the lines, without line ends
   * @throws IOException if the output file cannot be read
   */
  List<String> lines() throws IOException {
    String text = Files.readString(out, StandardCharsets.UTF_8);
    String complete = text.substring(0, text.lastIndexOf('\n') + 1);
    return complete.isEmpty() ? List.of() : List.of(complete.split("\n"));
  }

  /**
   * Waits until the child has printed {@code line}.
   *
   * @param line the line to wait for
   * @param timeout how long to wait
   * @throws Exception {@link IllegalStateException} if the child exits first or time runs out
   */
  void awaitLine(String line, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!lines().contains(line)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("child exited with " + process.exitValue()
            + " before printing " + line + "; output: " + lines());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("child did not print " + line + " in " + timeout);
      }
      Thread.sleep(5);
    }
  }

  /**
   * Whether the child is still running.
   *
   * @return true while it runs
   */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the child with SIGKILL and waits for it to be gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("child did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing the child", e);
    }
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    kill();
  }
}
