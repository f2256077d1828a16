package org.laminardb.connector.files;

import java.util.Locale;

/** Output format of a FILES sink, with its file-name extension. */
enum FileFormat {
  /** Comma-separated values with a header line. */
  CSV("csv"),
  /** One JSON object per line. */
  JSON("json");

  /** File-name extension, without the dot. */
  final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /**
   * Format of an option value, ignoring case.
   *
   * @param value the option value
   * @return the format, or null if none matches
   */
  static FileFormat of(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (FileFormat f : values()) {
      if (f.extension.equals(v)) {
        return f;
      }
    }
    return null;
  }
}
