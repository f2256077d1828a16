package org.laminardb.sql.plan;

import org.apache.calcite.rel.RelNode;

/** Translates window table functions and aggregations over them. */
final class WindowTranslator {
  private final RelTranslator parent;

  WindowTranslator(RelTranslator parent) {
    this.parent = parent;
  }

  /**
   * Translates a windowed node.
   *
   * @param rel any node
   * @return the physical node, or null when {@code rel} is not windowed
   */
  PhysicalNode translate(RelNode rel) {
    return null;
  }
}
