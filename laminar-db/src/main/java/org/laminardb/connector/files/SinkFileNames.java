package org.laminardb.connector.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the files of one sink: {@code .<sink>-<epoch>.<ext>.inprogress} while an epoch is
 * written, {@code _<sink>-<epoch>.<ext>.pending} once pre-committed, and {@code
 * <sink>-<epoch>.<ext>} once committed, with the epoch written as 20 digits so that names sort
 * in epoch order.
 */
final class SinkFileNames {
  static final String IN_PROGRESS_SUFFIX = ".inprogress";
  static final String PENDING_SUFFIX = ".pending";

  private final String sink;
  private final String extension;
  private final Pattern inProgress;
  private final Pattern pending;

  /**
   * Creates the names of a sink's files.
   *
   * @param sink the sink name
   * @param extension the file-name extension, without the dot
   */
  SinkFileNames(String sink, String extension) {
    this.sink = sink;
    this.extension = extension;
    String middle = Pattern.quote(sink) + "-(\\d{20})\\." + Pattern.quote(extension);
    this.inProgress = Pattern.compile("\\." + middle + Pattern.quote(IN_PROGRESS_SUFFIX));
    this.pending = Pattern.compile("_" + middle + Pattern.quote(PENDING_SUFFIX));
  }

  /**
   * Name of the file an epoch's rows are written to.
   *
   * @param epoch the epoch
   * @return the hidden in-progress name
   */
  String inProgress(long epoch) {
    return "." + base(epoch) + IN_PROGRESS_SUFFIX;
  }

  /**
   * Name of a pre-committed epoch's file.
   *
   * @param epoch the epoch
   * @return the hidden pending name
   */
  String pending(long epoch) {
    return "_" + base(epoch) + PENDING_SUFFIX;
  }

  /**
   * Name of a committed epoch's file.
   *
   * @param epoch the epoch
   * @return the visible name
   */
  String committed(long epoch) {
    return base(epoch);
  }

  /**
   * Epoch of an in-progress file of this sink.
   *
   * @param fileName a file name
   * @return the epoch, or -1 if the name is not one of this sink's in-progress files
   */
  long inProgressEpoch(String fileName) {
    return epochOf(inProgress.matcher(fileName));
  }

  /**
   * Epoch of a pending file of this sink.
   *
   * @param fileName a file name
   * @return the epoch, or -1 if the name is not one of this sink's pending files
   */
  long pendingEpoch(String fileName) {
    return epochOf(pending.matcher(fileName));
  }

  private String base(long epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epochs are not negative: " + epoch);
    }
    return sink + "-" + String.format(java.util.Locale.ROOT, "%020d", epoch) + "." + extension;
  }

  private static long epochOf(Matcher m) {
    if (!m.matches()) {
      return -1;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return -1; // 20 digits beyond Long.MAX_VALUE: not a name this sink writes
    }
  }
}
