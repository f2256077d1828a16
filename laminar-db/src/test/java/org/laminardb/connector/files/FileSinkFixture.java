package org.laminardb.connector.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.internal.ChunkValues;
import org.laminardb.internal.ValueConverter;
import org.laminardb.spi.SinkContext;
import org.laminardb.spi.TransactionalSinkConnector;

/** Test helpers: sinks made through the factory, chunks of rows, directory listings. */
final class FileSinkFixture {
  static final Schema ID_NAME = schema("id", TypeKind.BIGINT, "name", TypeKind.VARCHAR);

  private FileSinkFixture() {}

  static Schema schema(Object... namesAndTypes) {
    return org.laminardb.testing.TestSchemas.of(namesAndTypes);
  }

  static SinkContext context(String sink, Schema schema, Map<String, String> options) {
    return new SinkContext() {
      @Override
      public String sinkName() {
        return sink;
      }

      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public Map<String, String> options() {
        return options;
      }
    };
  }

  static TransactionalSinkConnector sink(String sink, Schema schema, Path dir, String format) {
    return (TransactionalSinkConnector) new FileSinkConnectorFactory()
        .create(context(sink, schema, Map.of("path", dir.toString(), "format", format)));
  }

  /**
   * A chunk of insert rows given as Java values (Long, String, LocalDateTime, ...), null for
   * NULL.
   */
  static Chunk chunk(Schema schema, Object[]... rows) {
    byte[] kinds = new byte[rows.length];
    return chunk(schema, kinds, rows);
  }

  static Chunk chunk(Schema schema, byte[] kinds, Object[]... rows) {
    Chunk chunk = new Chunk(schema, Math.max(1, rows.length));
    for (Object[] row : rows) {
      int r = chunk.size++;
      chunk.kinds[r] = kinds[r];
      for (int c = 0; c < row.length; c++) {
        Column col = chunk.columns[c];
        Field f = schema.field(c);
        ChunkValues.write(col, r, ValueConverter.toPhysical(row[c], f.type(), f.name()));
      }
    }
    return chunk;
  }

  static Object[] row(Object... values) {
    return values;
  }

  static byte[] kinds(byte... kinds) {
    return kinds;
  }

  static final byte I = RowKind.INSERT;
  static final byte UB = RowKind.UPDATE_BEFORE;
  static final byte UA = RowKind.UPDATE_AFTER;
  static final byte D = RowKind.DELETE;

  /** All file names in the directory, sorted. */
  static List<String> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File names a reader would see: not starting with {@code .} or {@code _}. */
  static List<String> visible(Path dir) {
    return files(dir).stream().filter(n -> !n.startsWith(".") && !n.startsWith("_"))
        .collect(Collectors.toList());
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String epochName(long epoch) {
    return String.format(java.util.Locale.ROOT, "%020d", epoch);
  }
}
