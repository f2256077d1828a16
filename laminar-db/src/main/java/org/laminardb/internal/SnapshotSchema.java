package org.laminardb.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.laminardb.core.type.Schema;
import org.laminardb.sql.type.TypeMapping;

/**
 * Calcite schema over point-in-time copies of materialized views, for one ad-hoc query run by
 * Calcite's Enumerable engine.
 */
final class SnapshotSchema extends AbstractSchema {
  private final Map<String, Table> tables = new HashMap<>();

  void add(String name, Schema schema, List<Object[]> rows) {
    tables.put(name, new SnapshotTable(schema, rows));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  private static final class SnapshotTable extends AbstractTable implements ScannableTable {
    private final Schema schema;
    private final List<Object[]> rows;

    SnapshotTable(Schema schema, List<Object[]> rows) {
      this.schema = schema;
      this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return TypeMapping.toRowType(typeFactory, schema);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows);
    }
  }
}
