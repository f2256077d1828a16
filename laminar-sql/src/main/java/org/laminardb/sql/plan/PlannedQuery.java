package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laminardb.core.type.Schema;

/**
 * Continuous query ready to be instantiated: its physical plan, output schema and the relations
 * it reads.
 *
 * @param root the physical plan
 * @param schema output columns
 */
public record PlannedQuery(PhysicalNode root, Schema schema) {
  /**
   * Whether the output is append-only.
   *
   * @return true if the query only ever emits inserts
   */
  public boolean appendOnly() {
    return root.appendOnly();
  }

  /**
   * Relations the query reads, by name, each once.
   *
   * @return the relations in plan order
   */
  public List<Relation> inputs() {
    Map<String, Relation> out = new LinkedHashMap<>();
    collect(root, out);
    return new ArrayList<>(out.values());
  }

  private static void collect(PhysicalNode node, Map<String, Relation> out) {
    if (node instanceof ScanNode) {
      Relation r = ((ScanNode) node).relation();
      out.putIfAbsent(r.name().toLowerCase(java.util.Locale.ROOT), r);
    }
    if (node instanceof LookupJoinNode) {
      Relation r = ((LookupJoinNode) node).table();
      out.putIfAbsent(r.name().toLowerCase(java.util.Locale.ROOT), r);
    }
    for (PhysicalNode in : node.inputs()) {
      collect(in, out);
    }
  }

  /**
   * Whether the query aggregates over event-time windows (EMIT and lateness clauses apply).
   *
   * @return true when the plan has a window aggregation
   */
  public boolean windowed() {
    return find(root, WindowAggregateNode.class) != null;
  }

  /**
   * Columns of the rows routed by {@code LATE DATA TO}.
   *
   * @return the schema, or null when the query routes no late rows
   */
  public org.laminardb.core.type.Schema lateSchema() {
    WindowAggregateNode w = find(root, WindowAggregateNode.class);
    return w == null ? null : w.lateSchema();
  }

  /**
   * Output column carrying event time and watermarks (downstream windows can use it).
   *
   * @return the column index, or -1
   */
  public int rowtimeColumn() {
    return root.rowtimeColumn();
  }

  private static <T> T find(PhysicalNode node, Class<T> type) {
    if (type.isInstance(node)) {
      return type.cast(node);
    }
    for (PhysicalNode in : node.inputs()) {
      T t = find(in, type);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * The plan as indented lines, root first, for EXPLAIN.
   *
   * @return the lines
   */
  public List<String> explain() {
    List<String> lines = new ArrayList<>();
    explain(root, 0, lines);
    lines.add("output: " + (appendOnly() ? "append-only" : "changelog (+I/-U/+U/-D)"));
    return lines;
  }

  private static void explain(PhysicalNode node, int depth, List<String> lines) {
    lines.add("  ".repeat(depth) + node.describe());
    for (PhysicalNode in : node.inputs()) {
      explain(in, depth + 1, lines);
    }
  }
}
