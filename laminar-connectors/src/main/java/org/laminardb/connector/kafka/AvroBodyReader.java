package org.laminardb.connector.kafka;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads Avro records in the binary encoding (no container header) of one writer schema, reusing
 * its decoder and record. One per decoder, consumer thread only.
 */
final class AvroBodyReader {
  private final Schema writer;
  private final GenericDatumReader<GenericRecord> reader;
  private BinaryDecoder decoder;
  private GenericRecord reuse;

  /**
   * Creates a reader.
   *
   * @param writer the writer schema
   * @param readAs the schema to read the records as (the writer's, or one Avro resolves from it)
   */
  AvroBodyReader(Schema writer, Schema readAs) {
    this.writer = writer;
    this.reader = new GenericDatumReader<>(writer, readAs);
  }

  /**
   * Reads the record that fills a value from an offset to its end.
   *
   * @param value the bytes
   * @param offset where the record starts
   * @return the record, valid until the next call
   * @throws BadRecordException if the bytes are not one record of the writer schema
   */
  GenericRecord read(byte[] value, int offset) {
    try {
      decoder = DecoderFactory.get().binaryDecoder(value, offset, value.length - offset,
          decoder);
      reuse = reader.read(reuse, decoder);
      if (!decoder.isEnd()) {
        throw new BadRecordException("bytes left after the Avro record");
      }
      return reuse;
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException
        | NegativeArraySizeException e) {
      throw new BadRecordException("malformed Avro for schema " + writer.getFullName() + ": "
          + e.getMessage());
    }
  }
}
