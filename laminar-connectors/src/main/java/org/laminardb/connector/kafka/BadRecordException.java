package org.laminardb.connector.kafka;

/**
 * A Kafka record that cannot become a row: malformed JSON or CSV, or a value that does not fit
 * its column's type. Handled by the source's {@code on_error} policy; carries no stack trace
 * (it is expected input, not a bug).
 */
final class BadRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the record
   */
  BadRecordException(String message) {
    super(message, null, false, false);
  }
}
