package org.laminardb.storage.state;

import static org.laminardb.storage.state.StateGraphFormat.BOOLEANS;
import static org.laminardb.storage.state.StateGraphFormat.BOXED;
import static org.laminardb.storage.state.StateGraphFormat.BYTES;
import static org.laminardb.storage.state.StateGraphFormat.CHARS;
import static org.laminardb.storage.state.StateGraphFormat.DOUBLES;
import static org.laminardb.storage.state.StateGraphFormat.ENUM;
import static org.laminardb.storage.state.StateGraphFormat.FLOATS;
import static org.laminardb.storage.state.StateGraphFormat.INTS;
import static org.laminardb.storage.state.StateGraphFormat.KEEP;
import static org.laminardb.storage.state.StateGraphFormat.LIST;
import static org.laminardb.storage.state.StateGraphFormat.LONGS;
import static org.laminardb.storage.state.StateGraphFormat.NULL;
import static org.laminardb.storage.state.StateGraphFormat.OBJECT;
import static org.laminardb.storage.state.StateGraphFormat.OBJECTS;
import static org.laminardb.storage.state.StateGraphFormat.REF;
import static org.laminardb.storage.state.StateGraphFormat.SHORTS;
import static org.laminardb.storage.state.StateGraphFormat.STRING;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Writes the state held by a graph of operator objects as bytes, so that {@link
 * StateGraphReader} can put it back into a graph built the same way (the same statements planned
 * by the same build). Every object reachable from the roots is written field by field (see {@link
 * StateGraphFormat}), except what the caller's {@code keep} predicate marks as not state —
 * boundaries to other objects' graphs, wiring, scratch chunks — and generated classes.
 *
 * <p>Design notes. Operator state in LaminarDB is plain fields: primitive arrays (struct of
 * arrays), scalars, strings and small objects. Writing the fields generically rather than with
 * hand-written code per operator means every operator, present and future, is checkpointed, and
 * that nothing can be forgotten: a field of a JDK type that is not a string, a boxed value or an
 * array fails the checkpoint instead of being skipped. A field that is not state is marked {@code
 * transient}. Not thread-safe; used on the thread that owns the graph, which must not change it
 * meanwhile.
 */
public final class StateGraphWriter {
  /** Classes of {@code List.of} and {@code List.copyOf}. */
  private static final String IMMUTABLE_LISTS = "java.util.ImmutableCollections$List";
  /** Classes of {@code Collections.unmodifiableList}. */
  private static final String UNMODIFIABLE_LISTS = "java.util.Collections$Unmodifiable";

  private final Predicate<Object> keep;
  private final Map<Object, Integer> ids = new IdentityHashMap<>();
  private final Map<Class<?>, Integer> classIds = new IdentityHashMap<>();
  private final StateOutput out = new StateOutput();

  /**
   * Creates a writer.
   *
   * @param keep objects that are not state of this graph: written as KEEP and not entered
   */
  public StateGraphWriter(Predicate<Object> keep) {
    this.keep = keep;
    putInt(StateGraphFormat.MAGIC);
  }

  /**
   * Writes the graph reachable from the roots, in order.
   *
   * @param roots the roots; the reader must be given roots of the same classes in the same order
   * @return the bytes, in segments (state may exceed 2 GiB)
   * @throws LaminarDBException 0A000 if some reachable object holds state of a kind this encoding
   *     does not support (the message names the class and field)
   */
  public StateOutput encode(List<?> roots) {
    putInt(roots.size());
    for (Object root : roots) {
      value(root, "root");
    }
    return out;
  }

  /**
   * Writes the graph reachable from the roots into one array (small graphs; tests).
   *
   * @param roots the roots
   * @return the bytes
   * @see #encode(List)
   */
  public byte[] write(List<?> roots) {
    return encode(roots).toByteArray();
  }

  private void value(Object v, String where) {
    if (v == null) {
      put(NULL);
      return;
    }
    Integer id = ids.get(v);
    if (id != null) {
      put(REF);
      putInt(id);
      return;
    }
    Class<?> type = v.getClass();
    if (keep.test(v) || type.isHidden() || type.isSynthetic()) {
      put(KEEP);
      return;
    }
    ids.put(v, ids.size());
    if (type.isArray()) {
      array(v, type.getComponentType(), where);
    } else if (v instanceof String) {
      put(STRING);
      putString((String) v);
    } else if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      put(ENUM);
      putString(((Enum<?>) v).getDeclaringClass().getName());
      putString(((Enum<?>) v).name());
    } else if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
      boxed(v);
    } else if (v instanceof java.util.List
        && (type == java.util.ArrayList.class || type.getName().startsWith(IMMUTABLE_LISTS)
            || type.getName().startsWith(UNMODIFIABLE_LISTS))) {
      java.util.List<?> list = (java.util.List<?>) v;
      put(LIST);
      put((byte) (type == java.util.ArrayList.class ? 1 : 0));
      putInt(list.size());
      for (int i = 0; i < list.size(); i++) {
        value(list.get(i), where + "[" + i + "]");
      }
    } else if (StateGraphFormat.walkable(type)) {
      object(v, type);
    } else {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot checkpoint "
          + where + " of type " + type.getName() + ": state must be primitives, strings, arrays "
          + "or LaminarDB objects");
    }
  }

  private void object(Object v, Class<?> type) {
    put(OBJECT);
    Integer cid = classIds.get(type);
    List<Field> fields = StateGraphFormat.fields(type);
    if (cid == null) {
      cid = classIds.size();
      classIds.put(type, cid);
      putInt(cid);
      putString(type.getName());
      putInt(fields.size());
      for (Field f : fields) {
        putString(f.getName());
      }
    } else {
      putInt(cid);
    }
    try {
      for (Field f : fields) {
        Class<?> t = f.getType();
        if (t.isPrimitive()) {
          primitive(f, v, t);
        } else {
          value(f.get(v), type.getSimpleName() + "." + f.getName());
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read state of " + type.getName(), e);
    }
  }

  private void primitive(Field f, Object v, Class<?> t) throws IllegalAccessException {
    if (t == long.class) {
      putLong(f.getLong(v));
    } else if (t == int.class) {
      putInt(f.getInt(v));
    } else if (t == double.class) {
      putLong(Double.doubleToRawLongBits(f.getDouble(v)));
    } else if (t == boolean.class) {
      put((byte) (f.getBoolean(v) ? 1 : 0));
    } else if (t == byte.class) {
      put(f.getByte(v));
    } else if (t == short.class) {
      putInt(f.getShort(v));
    } else if (t == char.class) {
      putInt(f.getChar(v));
    } else {
      putLong(Double.doubleToRawLongBits(f.getFloat(v)));
    }
  }

  private void boxed(Object v) {
    put(BOXED);
    if (v instanceof Long) {
      put((byte) 0);
      putLong((Long) v);
    } else if (v instanceof Integer) {
      put((byte) 1);
      putInt((Integer) v);
    } else if (v instanceof Double) {
      put((byte) 2);
      putLong(Double.doubleToRawLongBits((Double) v));
    } else if (v instanceof Boolean) {
      put((byte) 3);
      put((byte) ((Boolean) v ? 1 : 0));
    } else {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot checkpoint a "
          + v.getClass().getName() + " value");
    }
  }

  private void array(Object v, Class<?> component, String where) {
    if (component == long.class) {
      put(LONGS);
      putInt(((long[]) v).length);
      out.putLongs((long[]) v);
    } else if (component == int.class) {
      put(INTS);
      putInt(((int[]) v).length);
      out.putInts((int[]) v);
    } else if (component == double.class) {
      put(DOUBLES);
      putInt(((double[]) v).length);
      out.putDoubles((double[]) v);
    } else if (component == byte.class) {
      put(BYTES);
      putInt(((byte[]) v).length);
      out.put((byte[]) v, 0, ((byte[]) v).length);
    } else if (component == boolean.class) {
      boolean[] a = (boolean[]) v;
      put(BOOLEANS);
      putInt(a.length);
      for (boolean b : a) {
        put((byte) (b ? 1 : 0));
      }
    } else if (component == short.class) {
      put(SHORTS);
      putInt(((short[]) v).length);
      out.putShorts((short[]) v);
    } else if (component == char.class) {
      put(CHARS);
      putInt(((char[]) v).length);
      out.putChars((char[]) v);
    } else if (component == float.class) {
      put(FLOATS);
      putInt(((float[]) v).length);
      out.putFloats((float[]) v);
    } else {
      Object[] a = (Object[]) v;
      put(OBJECTS);
      putString(component.getName());
      putInt(a.length);
      for (int i = 0; i < a.length; i++) {
        value(a[i], where + "[" + i + "]");
      }
    }
  }

  private void put(byte b) {
    out.put(b);
  }

  private void putInt(int v) {
    out.putInt(v);
  }

  private void putLong(long v) {
    out.putLong(v);
  }

  private void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putInt(b.length);
    out.put(b, 0, b.length);
  }
}
