package org.laminardb.connector.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/** Validated options of a FILES sink: the output directory and the file format. */
final class FileSinkOptions {
  static final String PATH = "path";
  static final String FORMAT = "format";
  static final String ACCEPTED = "path (required), format ('csv' or 'json', default 'csv')";

  /** Output directory, absolute. */
  final Path directory;
  /** File format. */
  final FileFormat format;

  private FileSinkOptions(Path directory, FileFormat format) {
    this.directory = directory;
    this.format = format;
  }

  /**
   * Validates the options of a sink.
   *
   * @param sink the sink name, for messages
   * @param options the options, keys in lower case
   * @return the parsed options
   * @throws LaminarDBException 22023 for a missing, bad or unknown option
   */
  static FileSinkOptions parse(String sink, Map<String, String> options) {
    String path = null;
    FileFormat format = FileFormat.CSV;
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      String value = e.getValue();
      switch (key) {
        case PATH:
          path = value;
          break;
        case FORMAT:
          format = FileFormat.of(value);
          if (format == null) {
            throw invalid("FILES option 'format' of sink " + sink
                + " must be 'csv' or 'json', not '" + value + "'");
          }
          break;
        default:
          throw invalid("unknown FILES option '" + e.getKey() + "' for sink " + sink
              + "; accepted: " + ACCEPTED);
      }
    }
    if (path == null || path.isBlank()) {
      throw invalid("FILES option 'path' (the output directory) is required for sink " + sink
          + "; accepted: " + ACCEPTED);
    }
    Path dir;
    try {
      dir = Paths.get(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalid("FILES option 'path' of sink " + sink + " is not a valid path: '" + path
          + "' (" + e.getReason() + ")");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw invalid("FILES option 'path' of sink " + sink + " must name a directory, but '" + path
          + "' is a file");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw invalid("FILES option 'path' of sink " + sink + ": cannot create directory '" + path
          + "': " + e);
    }
    return new FileSinkOptions(dir, format);
  }

  /**
   * Checks that a sink name can be part of a file name.
   *
   * @param sink the sink name
   * @throws LaminarDBException 22023 for a name with a path separator or control character
   */
  static void checkSinkName(String sink) {
    if (sink == null || sink.isEmpty()) {
      throw invalid("a FILES sink needs a non-empty name");
    }
    for (int i = 0; i < sink.length(); i++) {
      char ch = sink.charAt(i);
      if (ch == '/' || ch == '\\' || ch < 0x20 || ch == 0x7f) {
        throw invalid("the name of FILES sink \"" + sink + "\" is used in file names and must not "
            + "contain '/', '\\' or control characters");
      }
    }
  }

  private static LaminarDBException invalid(String message) {
    return new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, message);
  }
}
