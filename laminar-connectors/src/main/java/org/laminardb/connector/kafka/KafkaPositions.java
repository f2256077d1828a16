package org.laminardb.connector.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Binary form of a KAFKA source's position, the next offset to read per partition, as kept with
 * the source's chunks in a durable database:
 *
 * <pre>
 *   byte  version            1
 *   int   partitions         n
 *   n times:
 *     UTF   topic            (DataOutput.writeUTF)
 *     int   partition
 *     long  nextOffset       offset of the first record not yet in the source
 * </pre>
 */
final class KafkaPositions {
  private static final byte VERSION = 1;

  private KafkaPositions() {}

  /**
   * Encodes positions.
   *
   * @param partitions the partitions, by slot
   * @param next the next offset per slot, -1 for a partition not read yet (left out)
   * @param count the slots in use
   * @return the bytes
   */
  static byte[] encode(List<TopicPartition> partitions, long[] next, int count) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + count * 24);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      int n = 0;
      for (int i = 0; i < count; i++) {
        if (next[i] >= 0) {
          n++;
        }
      }
      out.writeByte(VERSION);
      out.writeInt(n);
      for (int i = 0; i < count; i++) {
        if (next[i] >= 0) {
          out.writeUTF(partitions.get(i).topic());
          out.writeInt(partitions.get(i).partition());
          out.writeLong(next[i]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes positions.
   *
   * @param position bytes from {@link #encode}, or null
   * @return next offset per partition (empty for null)
   */
  static Map<TopicPartition, Long> decode(byte[] position) {
    Map<TopicPartition, Long> out = new LinkedHashMap<>();
    if (position == null) {
      return out;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(position))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new LaminarDBException(ErrorCode.DATA_CORRUPTED, "the kept position of a KAFKA "
            + "source has version " + version + "; this LaminarDB reads version " + VERSION);
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String topic = in.readUTF();
        int partition = in.readInt();
        out.put(new TopicPartition(topic, partition), in.readLong());
      }
    } catch (IOException e) {
      throw new LaminarDBException(ErrorCode.DATA_CORRUPTED, "the kept position of a KAFKA "
          + "source cannot be read: " + e.getMessage(), e);
    }
    return out;
  }
}
