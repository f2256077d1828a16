package org.laminardb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The event-time methods of the public API ({@code SourceWriter.watermark(LocalDateTime)}, {@code
 * LaminarDB.watermark(String)}, {@code LaminarDB.lateRows(String)}), called reflectively so the
 * window tests compile while those methods are being added; a missing method fails the calling
 * test with a message naming it.
 */
final class WindowApi {
  private WindowApi() {}

  /** Advances a source's watermark explicitly. */
  static void watermark(SourceWriter w, LocalDateTime t) {
    invoke(SourceWriter.class, w, "watermark", new Class<?>[] {LocalDateTime.class}, t);
  }

  /** The current watermark of a source. */
  @SuppressWarnings("unchecked")
  static Optional<LocalDateTime> watermark(LaminarDB db, String source) {
    return (Optional<LocalDateTime>) invoke(LaminarDB.class, db, "watermark", new Class<?>[] {String.class},
        source);
  }

  /** The number of late rows a query dropped. */
  static long lateRows(LaminarDB db, String query) {
    return ((Number) invoke(LaminarDB.class, db, "lateRows", new Class<?>[] {String.class}, query)).longValue();
  }

  private static Object invoke(Class<?> api, Object target, String name, Class<?>[] types, Object arg) {
    Method m;
    try {
      m = api.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw new AssertionError("public API method missing: " + api.getSimpleName()
          + "." + name + "(" + types[0].getSimpleName() + ")", e);
    }
    try {
      return m.invoke(target, arg);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
