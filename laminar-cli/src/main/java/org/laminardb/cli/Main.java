package org.laminardb.cli;

/** Entry point of the {@code laminardb} command. */
public final class Main {
  private Main() {}

  /**
   * Runs the command and exits with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(LaminarCommand.commandLine(System.in).execute(args));
  }
}
