package org.laminardb.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

/** Helpers building the result sets of {@link java.sql.DatabaseMetaData}. */
final class MetaTables {
  private MetaTables() {}

  /**
   * Columns from names; a name ending in {@code :i} is INTEGER, {@code :b} BOOLEAN, else VARCHAR.
   *
   * @param specs the column specifications
   * @return the columns
   */
  static List<ColumnInfo> columns(String... specs) {
    List<ColumnInfo> cols = new ArrayList<>(specs.length);
    for (String spec : specs) {
      TypeKind kind = TypeKind.VARCHAR;
      String name = spec;
      if (spec.endsWith(":i")) {
        kind = TypeKind.INT;
        name = spec.substring(0, spec.length() - 2);
      } else if (spec.endsWith(":b")) {
        kind = TypeKind.BOOLEAN;
        name = spec.substring(0, spec.length() - 2);
      }
      cols.add(new ColumnInfo(name, DataType.of(kind)));
    }
    return List.copyOf(cols);
  }

  /**
   * Result set without rows.
   *
   * @param specs column specifications as {@link #columns} takes them
   * @return the result set
   * @throws SQLException never in practice
   */
  static LaminarResultSet empty(String... specs) throws SQLException {
    return LaminarResultSet.of(columns(specs), List.of());
  }

  /**
   * Result set of rows of values.
   *
   * @param columns the columns
   * @param rows one value array per row
   * @return the result set
   * @throws SQLException never in practice
   */
  static LaminarResultSet of(List<ColumnInfo> columns, List<Object[]> rows) throws SQLException {
    List<Row> list = new ArrayList<>(rows.size());
    for (Object[] values : rows) {
      list.add(new MemoryRow(columns, values));
    }
    return LaminarResultSet.of(columns, list);
  }

  /**
   * Compiles a JDBC search pattern: {@code %} any run, {@code _} any character, {@code \} escapes
   * the next character; matching ignores case, as LaminarDB names do.
   *
   * @param pattern the pattern, or null for any name
   * @return the compiled pattern
   */
  static Pattern like(String pattern) {
    if (pattern == null) {
      return Pattern.compile(".*", Pattern.DOTALL);
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  /**
   * Whether catalog and schema filters admit LaminarDB's objects, which have neither: null means
   * any, and otherwise the filter must admit the empty name.
   *
   * @param catalog catalog name, "" or null
   * @param schemaPattern schema pattern, or null
   * @return true if objects may match
   */
  static boolean admitsNoCatalogOrSchema(String catalog, String schemaPattern) {
    boolean catalogOk = catalog == null || catalog.isEmpty();
    return catalogOk && like(schemaPattern).matcher("").matches();
  }

  /**
   * Upper-case copy of a name, for comparing object kinds.
   *
   * @param s the name
   * @return the upper-case name
   */
  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
