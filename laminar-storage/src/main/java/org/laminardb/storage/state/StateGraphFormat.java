package org.laminardb.storage.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags and field rules of the state graph encoding ({@link StateGraphWriter}, {@link
 * StateGraphReader}).
 *
 * <p>An object of one of the engine's own classes is written as its fields, in a fixed order: the
 * fields of the topmost superclass first, each class's fields sorted by name; {@code static} and
 * {@code transient} fields are not state (a {@code transient} field holds wiring, scratch space or
 * a wall-clock reading that must restart). Values are tagged:
 *
 * <pre>
 *   NULL                               no object
 *   REF      int id                    an object written earlier in this graph (ids count up from 0
 *                                      in the order objects are first written)
 *   KEEP                               not state (a boundary object, wiring, generated code): the
 *                                      reader keeps what the freshly built graph holds there
 *   OBJECT   int classId [CLASS]       an object; at a class's first use: its name and field names
 *            fields...                 (primitives raw, little-endian; references as tagged values)
 *   STRING   int length, UTF-8 bytes
 *   LONGS/INTS/DOUBLES/BYTES/BOOLEANS/SHORTS/CHARS/FLOATS   int length, elements
 *   OBJECTS  string componentClass, int length, tagged elements
 *   BOXED    byte kind, value           a boxed primitive in an Object-typed field
 *   ENUM     string class, string name
 *   LIST     byte mutable, int size, tagged elements   a java.util.List (ArrayList when mutable)
 * </pre>
 *
 * <p>A record is written like an object; it is rebuilt through its canonical constructor.
 */
final class StateGraphFormat {
  static final byte NULL = 0;
  static final byte REF = 1;
  static final byte KEEP = 2;
  static final byte OBJECT = 3;
  static final byte STRING = 4;
  static final byte LONGS = 5;
  static final byte INTS = 6;
  static final byte DOUBLES = 7;
  static final byte BYTES = 8;
  static final byte BOOLEANS = 9;
  static final byte SHORTS = 10;
  static final byte CHARS = 11;
  static final byte FLOATS = 12;
  static final byte OBJECTS = 13;
  static final byte BOXED = 14;
  static final byte ENUM = 15;
  static final byte LIST = 16;

  /** Magic at the start of every encoded graph: "LSG1". */
  static final int MAGIC = 0x4C534731;

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  private StateGraphFormat() {}

  /** The state fields of a class, in encoding order, made accessible. */
  static List<Field> fields(Class<?> type) {
    return FIELDS.computeIfAbsent(type, StateGraphFormat::computeFields);
  }

  private static List<Field> computeFields(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    List<Field> out = new ArrayList<>();
    for (Class<?> c : chain) {
      List<Field> own = new ArrayList<>();
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) {
          f.setAccessible(true);
          own.add(f);
        }
      }
      own.sort(Comparator.comparing(Field::getName));
      out.addAll(own);
    }
    return List.copyOf(out);
  }

  /**
   * Whether objects of a class are walked field by field: classes outside the JDK that are
   * neither generated (hidden, such as lambdas and Janino classes) nor records of configuration.
   */
  static boolean walkable(Class<?> type) {
    if (type.isHidden() || type.isSynthetic()) {
      return false;
    }
    Module m = type.getModule();
    return !(m.isNamed() && (m.getName().startsWith("java.") || m.getName().startsWith("jdk.")));
  }
}
