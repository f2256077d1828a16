package org.laminardb.sql.function;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NotNullImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.ReflectiveCallNotNullImplementor;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Scalar function that LaminarDB adds to Calcite's built-in operators, usable both in continuous
 * queries (compiled by {@link org.laminardb.sql.codegen.CalcCompiler}) and in ad-hoc queries run
 * by Calcite's Enumerable engine (through {@link #getImplementor()}).
 *
 * <p>Instances are singletons ({@link #DATE_TRUNC}, {@link #NOW}); code generators recognise a
 * call by the identity of the function behind its {@link
 * org.apache.calcite.sql.validate.SqlUserDefinedFunction}. See {@link LaminarOperatorTable} for
 * how names resolve.
 */
public final class LaminarFunction implements ScalarFunction, ImplementableFunction {
  /**
   * {@code DATE_TRUNC(unit VARCHAR, ts TIMESTAMP) -> TIMESTAMP}, PostgreSQL argument order:
   * {@code ts} truncated to the start of the named unit ({@code 'microseconds'} to
   * {@code 'millennium'}); NULL when an argument is NULL.
   */
  public static final LaminarFunction DATE_TRUNC = new LaminarFunction("DATE_TRUNC",
      List.of("unit", "ts"), List.of(SqlTypeName.VARCHAR, SqlTypeName.TIMESTAMP), true,
      strictImplementor(method("dateTrunc", String.class, long.class)));

  /**
   * {@code NOW() -> TIMESTAMP}: the current UTC time. Continuous queries evaluate it once per
   * processed chunk; ad-hoc queries once per statement.
   */
  public static final LaminarFunction NOW = new LaminarFunction("NOW",
      List.of(), List.of(), false, rootImplementor(method("now", DataContext.class)));

  private final String name;
  private final List<String> parameterNames;
  private final List<SqlTypeName> parameterTypes;
  private final boolean nullableResult;
  private final CallImplementor implementor;

  private LaminarFunction(String name, List<String> parameterNames,
      List<SqlTypeName> parameterTypes, boolean nullableResult, CallImplementor implementor) {
    this.name = name;
    this.parameterNames = parameterNames;
    this.parameterTypes = parameterTypes;
    this.nullableResult = nullableResult;
    this.implementor = implementor;
  }

  /**
   * All LaminarDB functions.
   *
   * @return the functions
   */
  public static List<LaminarFunction> all() {
    return List.of(DATE_TRUNC, NOW);
  }

  /**
   * SQL name, upper case.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * SQL types of the parameters, in order.
   *
   * @return the parameter types
   */
  public List<SqlTypeName> parameterTypes() {
    return parameterTypes;
  }

  /**
   * Whether the function is deterministic (same arguments, same result); false for {@link #NOW}.
   *
   * @return true if deterministic
   */
  public boolean isDeterministic() {
    return this != NOW;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return typeFactory.createTypeWithNullability(
        typeFactory.createSqlType(SqlTypeName.TIMESTAMP), nullableResult);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> list = new ArrayList<>();
    for (int i = 0; i < parameterNames.size(); i++) {
      list.add(new Parameter(i, parameterNames.get(i), parameterTypes.get(i)));
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public CallImplementor getImplementor() {
    return implementor;
  }

  @Override
  public String toString() {
    return name;
  }

  private static Method method(String methodName, Class<?>... types) {
    try {
      return AdhocFunctions.class.getMethod(methodName, types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("missing implementation AdhocFunctions." + methodName, e);
    }
  }

  private static CallImplementor strictImplementor(Method method) {
    return RexImpTable.createImplementor(
        new ReflectiveCallNotNullImplementor(method), NullPolicy.STRICT, false);
  }

  private static CallImplementor rootImplementor(Method method) {
    NotNullImplementor call =
        (translator, rexCall, operands) -> Expressions.call(method, translator.getRoot());
    return RexImpTable.createImplementor(call, NullPolicy.NONE, false);
  }

  /** Parameter of a {@link LaminarFunction}: ordinal, name and SQL type. */
  private static final class Parameter implements FunctionParameter {
    private final int ordinal;
    private final String name;
    private final SqlTypeName type;

    Parameter(int ordinal, String name, SqlTypeName type) {
      this.ordinal = ordinal;
      this.name = name;
      this.type = type;
    }

    @Override
    public int getOrdinal() {
      return ordinal;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public RelDataType getType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(type);
    }

    @Override
    public boolean isOptional() {
      return false;
    }
  }
}
