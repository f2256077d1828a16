package org.laminardb.sql.plan;

import org.apache.calcite.rel.RelNode;

/** Translates OVER windows, Top-N and deduplication. */
final class OverTranslator {
  private final RelTranslator parent;

  OverTranslator(RelTranslator parent) {
    this.parent = parent;
  }

  /**
   * Translates an OVER window, Top-N or deduplication pattern.
   *
   * @param rel any node
   * @return the physical node, or null when {@code rel} is not one of those patterns
   */
  PhysicalNode translate(RelNode rel) {
    return null;
  }
}
