package org.laminardb.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.connector.files.FileSinkFixture.ID_NAME;
import static org.laminardb.connector.files.FileSinkFixture.context;
import static org.laminardb.connector.files.FileSinkFixture.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.SinkConnector;

class FileSinkOptionsTest {
  @TempDir
  Path dir;

  private static SinkConnector create(String sink, Schema schema, Map<String, String> options) {
    return new FileSinkConnectorFactory().create(context(sink, schema, options));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      ErrorCode code, String sink, Schema schema, Map<String, String> options) {
    return assertThatThrownBy(() -> create(sink, schema, options))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void unknownOptionIsRejectedListingTheAcceptedOnes() {
    assertRejected(ErrorCode.INVALID_PARAMETER_VALUE, "s", ID_NAME,
        Map.of("path", dir.toString(), "compression", "gzip"))
        .hasMessageContaining("'compression'")
        .hasMessageContaining("accepted: path (required), format ('csv' or 'json'");
  }

  @Test
  void pathIsRequired() {
    assertRejected(ErrorCode.INVALID_PARAMETER_VALUE, "s", ID_NAME, Map.of("format", "csv"))
        .hasMessageContaining("'path'").hasMessageContaining("required");
    assertRejected(ErrorCode.INVALID_PARAMETER_VALUE, "s", ID_NAME, Map.of("path", " "))
        .hasMessageContaining("'path'");
  }

  @Test
  void unknownFormatIsRejected() {
    assertRejected(ErrorCode.INVALID_PARAMETER_VALUE, "s", ID_NAME,
        Map.of("path", dir.toString(), "format", "parquet"))
        .hasMessageContaining("'format'").hasMessageContaining("'csv' or 'json'")
        .hasMessageContaining("'parquet'");
  }

  @Test
  void pathNamingAFileIsRejected() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertRejected(ErrorCode.INVALID_PARAMETER_VALUE, "s", ID_NAME,
        Map.of("path", file.toString()))
        .hasMessageContaining("directory");
  }

  @Test
  void sinkNameThatCannotBeAFileNameIsRejected() {
    assertRejected(ErrorCode.INVALID_PARAMETER_VALUE, "a/b", ID_NAME,
        Map.of("path", dir.toString()))
        .hasMessageContaining("a/b");
  }

  @Test
  void inputColumnNamedOpIsRejected() {
    assertRejected(ErrorCode.DUPLICATE_COLUMN, "s", schema("__op", TypeKind.VARCHAR),
        Map.of("path", dir.toString()))
        .hasMessageContaining("__op");
  }

  @Test
  void formatDefaultsToCsvIgnoresCaseAndTheDirectoryIsCreated() {
    Path nested = dir.resolve("a").resolve("b");
    SinkConnector csv = create("s", ID_NAME, Map.of("path", nested.toString()));
    assertThat(csv).isInstanceOf(FileSinkConnector.class);
    assertThat(((FileSinkConnector) csv).extension()).isEqualTo("csv");
    assertThat(((FileSinkConnector) csv).directory()).isEqualTo(nested.toAbsolutePath());
    assertThat(nested).isDirectory();
    csv.close();
    SinkConnector json = create("s", ID_NAME, Map.of("path", nested.toString(), "format", "JSON"));
    assertThat(((FileSinkConnector) json).extension()).isEqualTo("json");
    json.close();
  }
}
