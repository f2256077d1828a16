package org.laminardb.internal;

import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.laminardb.ColumnInfo;
import org.laminardb.SourceWriter;
import org.laminardb.TypedSourceWriter;
import org.laminardb.core.type.DataType;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Writer mapping a record's components (or a bean's getters) to source columns by name,
 * case-insensitively. The mapping and type compatibility are checked once, at creation.
 *
 * @param <T> the row class
 */
final class TypedSourceWriterImpl<T> implements TypedSourceWriter<T> {
  private final SourceWriter writer;
  private final Method[] getters;

  TypedSourceWriterImpl(SourceWriter writer, Class<T> type) {
    this.writer = writer;
    Map<String, Method> props = properties(type);
    List<ColumnInfo> cols = writer.columns();
    getters = new Method[cols.size()];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      Method m = props.remove(cols.get(i).name().toLowerCase(Locale.ROOT));
      if (m == null) {
        missing.add(cols.get(i).name());
        continue;
      }
      checkType(m, cols.get(i), type);
      m.setAccessible(true);
      getters[i] = m;
    }
    if (!missing.isEmpty() || !props.isEmpty()) {
      throw new LaminarDBException(ErrorCode.UNDEFINED_COLUMN, type.getSimpleName()
          + " does not fit source " + writer.name() + " by name: "
          + (missing.isEmpty() ? "" : "no property for column(s) " + missing + "; ")
          + (props.isEmpty() ? "" : "no column for property(ies) " + props.keySet()));
    }
  }

  private static Map<String, Method> properties(Class<?> type) {
    Map<String, Method> out = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        out.put(c.getName().toLowerCase(Locale.ROOT), c.getAccessor());
      }
      return out;
    }
    try {
      BeanInfo info = Introspector.getBeanInfo(type, Object.class);
      for (PropertyDescriptor p : info.getPropertyDescriptors()) {
        if (p.getReadMethod() != null) {
          out.put(p.getName().toLowerCase(Locale.ROOT), p.getReadMethod());
        }
      }
    } catch (IntrospectionException e) {
      throw new LaminarDBException(ErrorCode.DATATYPE_MISMATCH,
          "cannot read properties of " + type.getName(), e);
    }
    return out;
  }

  private static void checkType(Method getter, ColumnInfo col, Class<?> owner) {
    Class<?> t = getter.getReturnType();
    DataType type = col.type();
    boolean ok;
    switch (type.kind()) {
      case BOOLEAN:
        ok = t == boolean.class || t == Boolean.class;
        break;
      case INT:
      case BIGINT:
        ok = t == int.class || t == long.class || t == short.class || t == byte.class
            || t == Integer.class || t == Long.class || t == Short.class || t == Byte.class;
        break;
      case DOUBLE:
      case REAL:
      case DECIMAL:
        ok = t.isPrimitive() && t != boolean.class && t != char.class
            || Number.class.isAssignableFrom(t);
        break;
      case VARCHAR:
        ok = t == String.class || t == char.class || t == Character.class || t.isEnum();
        break;
      case TIMESTAMP:
        ok = t == java.time.LocalDateTime.class || t == java.time.Instant.class
            || t == java.sql.Timestamp.class || t == java.time.OffsetDateTime.class
            || t == java.time.ZonedDateTime.class;
        break;
      case DATE:
        ok = t == java.time.LocalDate.class || t == java.sql.Date.class;
        break;
      default:
        ok = false;
    }
    if (!ok) {
      throw new LaminarDBException(ErrorCode.DATATYPE_MISMATCH, owner.getSimpleName() + "."
          + getter.getName() + " returns " + t.getSimpleName() + ", which does not fit column "
          + col.name() + " of type " + type.sqlName());
    }
  }

  private Object[] values(T row) {
    Object[] v = new Object[getters.length];
    try {
      for (int i = 0; i < getters.length; i++) {
        v[i] = getters[i].invoke(row);
      }
    } catch (ReflectiveOperationException e) {
      throw new LaminarDBException(ErrorCode.DATA_EXCEPTION, "cannot read " + row, e);
    }
    return v;
  }

  @Override
  public void insert(T row) {
    writer.insert(values(row));
  }

  @Override
  public int insertAll(Collection<? extends T> rows) {
    List<Object[]> all = new ArrayList<>(rows.size());
    for (T r : rows) {
      all.add(values(r));
    }
    return writer.insertAll(all);
  }

  @Override
  public void watermark(java.time.LocalDateTime eventTime) {
    writer.watermark(eventTime);
  }

  @Override
  public void close() {
    writer.close();
  }
}
