package org.laminardb.sql.function;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The window table-valued functions of continuous queries, as in Flink SQL: {@code TUMBLE}, {@code
 * HOP}, {@code SESSION} and {@code CUMULATE}. Each returns its input table's columns followed by
 * {@code window_start}, {@code window_end} and {@code window_time} ({@code window_end} minus one
 * microsecond, the largest time inside the window), all TIMESTAMP NOT NULL with the precision of
 * the time column. Argument checking is Calcite's ({@code CUMULATE(TABLE t, DESCRIPTOR(ts), step,
 * max_size [, offset])} takes the shape of {@code HOP}); the windows themselves are computed by
 * the window operators of laminar-core.
 */
public final class WindowTableFunctions {
  /** {@code TUMBLE(TABLE t, DESCRIPTOR(ts), size [, offset])}. */
  public static final SqlWindowTableFunction TUMBLE =
      new Tvf("TUMBLE", operands(SqlStdOperatorTable.TUMBLE));
  /** {@code HOP(TABLE t, DESCRIPTOR(ts), slide, size [, offset])}. */
  public static final SqlWindowTableFunction HOP =
      new Tvf("HOP", operands(SqlStdOperatorTable.HOP));
  /** {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)}. */
  public static final SqlWindowTableFunction SESSION =
      new Tvf("SESSION", operands(SqlStdOperatorTable.SESSION));
  /** {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step, max_size [, offset])}. */
  public static final SqlWindowTableFunction CUMULATE =
      new Tvf("CUMULATE", operands(SqlStdOperatorTable.HOP));

  private WindowTableFunctions() {}

  private static SqlOperandMetadata operands(SqlOperator calciteFunction) {
    return ((SqlWindowTableFunction) calciteFunction).getOperandTypeChecker();
  }

  /**
   * The four functions.
   *
   * @return TUMBLE, HOP, SESSION, CUMULATE
   */
  public static List<SqlWindowTableFunction> all() {
    return List.of(TUMBLE, HOP, SESSION, CUMULATE);
  }

  /**
   * Whether an operator is one of Calcite's own window table functions, which these replace.
   *
   * @param op any operator
   * @return true for Calcite's TUMBLE, HOP and SESSION table functions
   */
  static boolean isCalciteWindowFunction(SqlOperator op) {
    return op instanceof SqlWindowTableFunction && !(op instanceof Tvf);
  }

  /**
   * The window function of a name, if it is one of ours.
   *
   * @param op an operator from a planned call
   * @return the upper-case name (TUMBLE, HOP, SESSION, CUMULATE), or null
   */
  public static String nameOf(SqlOperator op) {
    return op instanceof Tvf ? op.getName().toUpperCase(Locale.ROOT) : null;
  }

  /** A window function with the extra {@code window_time} column. */
  private static final class Tvf extends SqlWindowTableFunction {
    Tvf(String name, SqlOperandMetadata operands) {
      super(name, operands);
    }

    /** SESSION partitions its input table ({@code TABLE t PARTITION BY k}). */
    @Override
    public org.apache.calcite.sql.TableCharacteristic tableCharacteristic(int ordinal) {
      if (ordinal == 0 && getName().equals("SESSION")) {
        return org.apache.calcite.sql.TableCharacteristic.builder(
            org.apache.calcite.sql.TableCharacteristic.Semantics.SET).passColumnsThrough().build();
      }
      return super.tableCharacteristic(ordinal);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return Tvf::rowType;
    }

    private static RelDataType rowType(SqlOperatorBinding binding) {
      RelDataType input = binding.getOperandType(0);
      RelDataTypeFactory types = binding.getTypeFactory();
      int precision = timePrecision(binding, input);
      return types.builder()
          .kind(input.getStructKind())
          .addAll(input.getFieldList())
          .add("window_start", SqlTypeName.TIMESTAMP, precision)
          .add("window_end", SqlTypeName.TIMESTAMP, precision)
          .add("window_time", SqlTypeName.TIMESTAMP, precision)
          .build();
    }

    private static int timePrecision(SqlOperatorBinding binding, RelDataType input) {
      if (binding instanceof SqlCallBinding) {
        for (SqlNode operand : ((SqlCallBinding) binding).operands()) {
          if (operand instanceof SqlCall
              && ((SqlCall) operand).getOperator().getKind() == SqlKind.DESCRIPTOR) {
            SqlNode col = ((SqlCall) operand).operand(0);
            if (col instanceof SqlIdentifier) {
              RelDataTypeField f = input.getField(((SqlIdentifier) col).getSimple(), false, false);
              if (f != null) {
                return f.getType().getPrecision();
              }
            }
          }
        }
      }
      return 6;
    }
  }
}
