package org.laminardb.sql.codegen;

import java.io.IOException;
import java.io.StringReader;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Compiles generated source with Janino and defines the class file as a hidden class in this
 * package. A hidden class is not registered with any class loader: it becomes unreachable, and
 * is unloaded, as soon as the last {@link CalcProgram} instance of it is dropped.
 */
final class HiddenClassDefiner {
  private HiddenClassDefiner() {}

  static Class<?> define(String source, String simpleName) {
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(HiddenClassDefiner.class.getClassLoader());
    compiler.setDebuggingInformation(true, true, false);
    try {
      compiler.cook(simpleName + ".java", new StringReader(source));
    } catch (CompileException | IOException e) {
      throw new LaminarDBException(ErrorCode.INTERNAL_ERROR,
          "generated expression code does not compile: " + e.getMessage(), e);
    }
    Map<String, byte[]> classes = compiler.getBytecodes();
    byte[] bytes = classes.get(HiddenClassDefiner.class.getPackageName() + "." + simpleName);
    if (bytes == null || classes.size() != 1) {
      throw new LaminarDBException(ErrorCode.INTERNAL_ERROR,
          "generated expression code must compile to exactly one class, got " + classes.keySet());
    }
    try {
      return MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
    } catch (IllegalAccessException | LinkageError e) {
      throw new LaminarDBException(ErrorCode.INTERNAL_ERROR,
          "cannot define generated class: " + e.getMessage(), e);
    }
  }
}
