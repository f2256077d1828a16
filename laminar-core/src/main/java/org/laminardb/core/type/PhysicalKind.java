package org.laminardb.core.type;

/** Physical storage of a column inside a chunk: which primitive array holds its values. */
public enum PhysicalKind {
  /** Values in {@code long[]}. */
  LONG,
  /** Values in {@code double[]}. */
  DOUBLE,
  /** Values in {@code String[]}. */
  STRING
}
