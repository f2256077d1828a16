package org.laminardb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version text of {@code laminardb --version}, from the version recorded at build time. */
public final class VersionProvider implements IVersionProvider {
  /** Creates the provider. */
  public VersionProvider() {
    // stateless
  }

  /**
   * The LaminarDB version, e.g. {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version, or {@code unknown} if it was not recorded
   */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "laminardb " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
          + ")"
    };
  }
}
