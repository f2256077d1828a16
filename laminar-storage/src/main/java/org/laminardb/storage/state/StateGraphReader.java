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

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Puts state written by {@link StateGraphWriter} back into a graph built the same way: objects
 * that the fresh graph holds at the same place are filled in place (so their {@code transient}
 * and KEEP fields, wiring and scratch space, stay as built); objects the fresh graph lacks (state
 * that grew at run time) are created without a constructor. Primitive fields that already hold
 * the written value are left alone, so configuration kept in {@code final} fields needs no write.
 *
 * <p>The written class and field names are checked against the classes of this build: a graph
 * written by a build whose state classes differ fails with {@code 0A000} instead of being misread.
 */
public final class StateGraphReader {
  /** {@code sun.misc.Unsafe.allocateInstance}, looked up reflectively (jdk.unsupported). */
  private static final java.lang.invoke.MethodHandle ALLOCATE = allocator();

  private final StateInput in;
  private final List<Object> objects = new ArrayList<>();
  private final List<Class<?>> classes = new ArrayList<>();

  /**
   * Creates a reader over encoded state.
   *
   * @param bytes what {@link StateGraphWriter#write} returned
   */
  public StateGraphReader(byte[] bytes) {
    this(new java.io.ByteArrayInputStream(bytes), bytes.length);
  }

  /**
   * Creates a reader over encoded state in a stream (a state file; may exceed 2 GiB).
   *
   * @param source the stream, positioned at the encoding
   * @param length the encoding's length in bytes
   */
  public StateGraphReader(java.io.InputStream source, long length) {
    this.in = new StateInput(source, length);
  }

  /**
   * Restores the state into the roots of a freshly built graph.
   *
   * @param roots the roots, of the same classes and in the same order as when written
   * @throws LaminarDBException XX001 if the bytes are not a valid encoding, 0A000 if they were
   *     written for other classes or another shape of graph
   */
  public void restore(List<?> roots) {
    try {
      if (in.getInt() != StateGraphFormat.MAGIC) {
        throw corrupt("no state graph magic");
      }
      int n = in.getInt();
      if (n != roots.size()) {
        throw mismatch("the state holds " + n + " roots, the graph has " + roots.size());
      }
      for (Object root : roots) {
        Object got = value(root);
        if (got != root) {
          throw mismatch("a root of type " + (root == null ? "null" : root.getClass().getName())
              + " could not be restored in place");
        }
      }
      if (in.remaining() > 0) {
        throw corrupt(in.remaining() + " bytes left over");
      }
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw corrupt("the encoding is cut short");
    } catch (java.io.UncheckedIOException e) {
      throw corrupt("it cannot be read: " + e.getCause());
    }
  }

  private Object value(Object fresh) {
    byte tag = in.get();
    switch (tag) {
      case NULL:
        return null;
      case REF:
        return objects.get(in.getInt());
      case KEEP:
        return fresh;
      case OBJECT:
        return object(fresh);
      case STRING: {
        String s = string();
        objects.add(s);
        return s;
      }
      case ENUM: {
        Object e = enumValue();
        objects.add(e);
        return e;
      }
      case BOXED: {
        Object b = boxed();
        objects.add(b);
        return b;
      }
      case OBJECTS:
        return objectArray(fresh);
      case LIST:
        return list(fresh);
      default:
        return primitiveArray(tag, fresh);
    }
  }

  private Object object(Object fresh) {
    int cid = in.getInt();
    Class<?> type;
    if (cid == classes.size()) {
      type = defineClass();
    } else if (cid < classes.size()) {
      type = classes.get(cid);
    } else {
      throw corrupt("class id " + cid + " before its definition");
    }
    if (type.isRecord()) {
      return record(type, fresh);
    }
    Object target = fresh != null && fresh.getClass() == type ? fresh : allocate(type);
    objects.add(target);
    try {
      for (Field f : StateGraphFormat.fields(type)) {
        Class<?> t = f.getType();
        if (t.isPrimitive()) {
          primitive(f, target, t);
        } else {
          Object current = f.get(target);
          Object restored = value(current);
          if (restored != current) {
            f.set(target, restored);
          }
        }
      }
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw mismatch("cannot restore a field of " + type.getName() + ": " + e.getMessage());
    }
    return target;
  }

  /** A record: its components are read, then it is the fresh one if equal, else rebuilt. */
  private Object record(Class<?> type, Object fresh) {
    int id = objects.size();
    objects.add(null);
    List<Field> fields = StateGraphFormat.fields(type);
    Object base = fresh != null && fresh.getClass() == type ? fresh : null;
    java.util.Map<String, Object> values = new java.util.HashMap<>();
    boolean same = base != null;
    try {
      for (Field f : fields) {
        Object current = base == null ? null : f.get(base);
        Object v = f.getType().isPrimitive() ? primitiveValue(f.getType()) : value(current);
        values.put(f.getName(), v);
        same &= java.util.Objects.equals(current, v);
      }
      Object result = base;
      if (!same) {
        java.lang.reflect.RecordComponent[] comps = type.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
          types[i] = comps[i].getType();
          args[i] = values.get(comps[i].getName());
        }
        java.lang.reflect.Constructor<?> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        result = ctor.newInstance(args);
      }
      objects.set(id, result);
      return result;
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw mismatch("cannot rebuild record " + type.getName() + ": " + e);
    }
  }

  private Object primitiveValue(Class<?> t) {
    if (t == long.class) {
      return in.getLong();
    } else if (t == int.class) {
      return in.getInt();
    } else if (t == double.class) {
      return Double.longBitsToDouble(in.getLong());
    } else if (t == boolean.class) {
      return in.get() != 0;
    } else if (t == byte.class) {
      return in.get();
    } else if (t == short.class) {
      return (short) in.getInt();
    } else if (t == char.class) {
      return (char) in.getInt();
    }
    return (float) Double.longBitsToDouble(in.getLong());
  }

  /** A list: the fresh one if every element came back unchanged, else a new list. */
  private Object list(Object fresh) {
    boolean mutable = in.get() != 0;
    int n = length();
    int id = objects.size();
    objects.add(null);
    List<?> base = fresh instanceof List && ((List<?>) fresh).size() == n ? (List<?>) fresh : null;
    List<Object> values = new ArrayList<>(n);
    boolean same = base != null;
    for (int i = 0; i < n; i++) {
      Object current = base == null ? null : base.get(i);
      Object v = value(current);
      values.add(v);
      same &= v == current;
    }
    Object result = same ? base : mutable ? values : java.util.Collections.unmodifiableList(values);
    objects.set(id, result);
    return result;
  }

  private Class<?> defineClass() {
    String name = string();
    Class<?> type;
    try {
      type = Class.forName(name, false, StateGraphReader.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      try {
        type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
      } catch (ClassNotFoundException e2) {
        throw mismatch("class " + name + " of the checkpointed state does not exist in this "
            + "build");
      }
    }
    int n = in.getInt();
    List<Field> fields = StateGraphFormat.fields(type);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      written.add(string());
    }
    List<String> now = new ArrayList<>();
    for (Field f : fields) {
      now.add(f.getName());
    }
    if (!written.equals(now)) {
      throw mismatch("class " + name + " had the state fields " + written
          + " when checkpointed and has " + now + " in this build");
    }
    classes.add(type);
    return type;
  }

  private void primitive(Field f, Object target, Class<?> t) throws IllegalAccessException {
    if (t == long.class) {
      long v = in.getLong();
      if (f.getLong(target) != v) {
        f.setLong(target, v);
      }
    } else if (t == int.class) {
      int v = in.getInt();
      if (f.getInt(target) != v) {
        f.setInt(target, v);
      }
    } else if (t == double.class) {
      double v = Double.longBitsToDouble(in.getLong());
      if (Double.doubleToRawLongBits(f.getDouble(target)) != Double.doubleToRawLongBits(v)) {
        f.setDouble(target, v);
      }
    } else if (t == boolean.class) {
      boolean v = in.get() != 0;
      if (f.getBoolean(target) != v) {
        f.setBoolean(target, v);
      }
    } else if (t == byte.class) {
      byte v = in.get();
      if (f.getByte(target) != v) {
        f.setByte(target, v);
      }
    } else if (t == short.class) {
      short v = (short) in.getInt();
      if (f.getShort(target) != v) {
        f.setShort(target, v);
      }
    } else if (t == char.class) {
      char v = (char) in.getInt();
      if (f.getChar(target) != v) {
        f.setChar(target, v);
      }
    } else {
      float v = (float) Double.longBitsToDouble(in.getLong());
      if (Float.floatToRawIntBits(f.getFloat(target)) != Float.floatToRawIntBits(v)) {
        f.setFloat(target, v);
      }
    }
  }

  private Object objectArray(Object fresh) {
    String componentName = string();
    int n = length();
    Class<?> component;
    try {
      component = Class.forName(componentName, false, StateGraphReader.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw mismatch("array of " + componentName + " does not exist in this build");
    }
    Object[] target = fresh instanceof Object[] && fresh.getClass().getComponentType() == component
        && ((Object[]) fresh).length == n ? (Object[]) fresh : (Object[]) Array.newInstance(
            component, n);
    objects.add(target);
    for (int i = 0; i < n; i++) {
      target[i] = value(target[i]);
    }
    return target;
  }

  private Object primitiveArray(byte tag, Object fresh) {
    int n = length();
    Object target;
    switch (tag) {
      case LONGS: {
        long[] a = fresh instanceof long[] && ((long[]) fresh).length == n ? (long[]) fresh
            : new long[n];
        in.longs(a);
        target = a;
        break;
      }
      case INTS: {
        int[] a = fresh instanceof int[] && ((int[]) fresh).length == n ? (int[]) fresh
            : new int[n];
        in.ints(a);
        target = a;
        break;
      }
      case DOUBLES: {
        double[] a = fresh instanceof double[] && ((double[]) fresh).length == n
            ? (double[]) fresh : new double[n];
        in.doubles(a);
        target = a;
        break;
      }
      case BYTES: {
        byte[] a = fresh instanceof byte[] && ((byte[]) fresh).length == n ? (byte[]) fresh
            : new byte[n];
        in.get(a);
        target = a;
        break;
      }
      case BOOLEANS: {
        boolean[] a = fresh instanceof boolean[] && ((boolean[]) fresh).length == n
            ? (boolean[]) fresh : new boolean[n];
        for (int i = 0; i < n; i++) {
          a[i] = in.get() != 0;
        }
        target = a;
        break;
      }
      case SHORTS: {
        short[] a = fresh instanceof short[] && ((short[]) fresh).length == n ? (short[]) fresh
            : new short[n];
        in.shorts(a);
        target = a;
        break;
      }
      case CHARS: {
        char[] a = fresh instanceof char[] && ((char[]) fresh).length == n ? (char[]) fresh
            : new char[n];
        in.chars(a);
        target = a;
        break;
      }
      case FLOATS: {
        float[] a = fresh instanceof float[] && ((float[]) fresh).length == n ? (float[]) fresh
            : new float[n];
        in.floats(a);
        target = a;
        break;
      }
      default:
        throw corrupt("unknown tag " + tag);
    }
    objects.add(target);
    return target;
  }

  private Object enumValue() {
    String type = string();
    String name = string();
    try {
      Class<?> c = Class.forName(type, false, StateGraphReader.class.getClassLoader());
      for (Object constant : c.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(name)) {
          return constant;
        }
      }
      throw mismatch("enum " + type + " has no constant " + name + " in this build");
    } catch (ClassNotFoundException e) {
      throw mismatch("enum " + type + " does not exist in this build");
    }
  }

  private Object boxed() {
    byte kind = in.get();
    switch (kind) {
      case 0:
        return in.getLong();
      case 1:
        return in.getInt();
      case 2:
        return Double.longBitsToDouble(in.getLong());
      case 3:
        return in.get() != 0;
      default:
        throw corrupt("unknown boxed kind " + kind);
    }
  }

  private int length() {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw corrupt("length " + n + " with " + in.remaining() + " bytes left");
    }
    return n;
  }

  private String string() {
    return in.string(length());
  }

  private static Object allocate(Class<?> type) {
    try {
      return ALLOCATE.invoke(type);
    } catch (Throwable e) {
      throw mismatch("cannot create an instance of " + type.getName() + ": " + e);
    }
  }

  private static java.lang.invoke.MethodHandle allocator() {
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field f = unsafeClass.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = Objects.requireNonNull(f.get(null));
      return java.lang.invoke.MethodHandles.lookup().findVirtual(unsafeClass, "allocateInstance",
          java.lang.invoke.MethodType.methodType(Object.class, Class.class)).bindTo(unsafe);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static LaminarDBException corrupt(String what) {
    return new LaminarDBException(ErrorCode.DATA_CORRUPTED, "invalid checkpointed state: " + what);
  }

  private static LaminarDBException mismatch(String what) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "the checkpointed state does "
        + "not fit this build of LaminarDB (" + what + "); checkpoints are read by the build that "
        + "wrote them");
  }
}
