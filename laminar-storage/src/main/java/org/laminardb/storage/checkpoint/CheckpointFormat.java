package org.laminardb.storage.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * On-disk format of checkpoints (see {@code docs/STORAGE.md}, section "Checkpoints"). All integers
 * are big-endian.
 *
 * <p>Manifest: magic {@code "LCKP"}, format version, epoch, created-at and completed-at millis,
 * then four counted sections (source offsets, watermarks, state files, sink states), then the
 * CRC32C of every preceding byte. Strings are an {@code int} byte length and UTF-8 bytes. Every
 * version keeps the magic and version in bytes 0–7 and the CRC32C in the last 4 bytes, so a
 * reader can tell a newer version from corruption.
 *
 * <p>State file: the data, then a {@value #TRAILER_BYTES}-byte trailer: the data length
 * ({@code long}) and the CRC32C of the data ({@code int}).
 */
final class CheckpointFormat {
  static final int MAGIC = 0x4C434B50; // "LCKP"
  static final int FORMAT_VERSION = 1;
  static final int TRAILER_BYTES = 12;
  static final String MANIFEST = "manifest";
  static final String TMP_SUFFIX = ".tmp";
  static final Pattern EPOCH_DIR = Pattern.compile("epoch-(\\d{20})");
  private static final Pattern STATE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}");
  /** Largest string in a manifest: 64 MiB. */
  private static final int MAX_STRING = 64 << 20;

  private CheckpointFormat() {}

  static String epochDirName(long epoch) {
    return String.format("epoch-%020d", epoch);
  }

  static void checkStateFileName(String name) {
    if (!STATE_NAME.matcher(name).matches() || name.equals(MANIFEST)
        || name.endsWith(TMP_SUFFIX)) {
      throw new IllegalArgumentException("invalid state file name '" + name + "': use 1 to 200 "
          + "characters [A-Za-z0-9_.-], not starting with '.' or '-', not ending with '.tmp', "
          + "not 'manifest'");
    }
  }

  /** The manifest as written to disk, with its completion time. */
  record Decoded(Manifest manifest, long completedAtMillis) {}

  static byte[] encode(Manifest m, long completedAtMillis) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeLong(m.epoch());
      out.writeLong(m.createdAtMillis());
      out.writeLong(completedAtMillis);
      writeLongs(out, m.sourceOffsets());
      writeLongs(out, m.watermarks());
      out.writeInt(m.stateFiles().size());
      for (StateFileRef ref : m.stateFiles()) {
        writeString(out, ref.name());
        out.writeLong(ref.length());
        out.writeInt(ref.crc());
      }
      out.writeInt(m.sinkStates().size());
      for (Map.Entry<String, String> e : m.sinkStates().entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      out.flush();
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new IllegalStateException(e); // cannot happen with a ByteArrayOutputStream
    }
    return bytes.toByteArray();
  }

  private static void writeLongs(DataOutputStream out, Map<String, Long> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, Long> e : map.entrySet()) {
      writeString(out, e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * Decodes and checks a manifest: magic, CRC32C, then version, then every field.
   *
   * @throws LaminarDBException XX001 if it is damaged, 0A000 if its (intact) version is newer
   */
  static Decoded decode(byte[] b, Path file) {
    if (b.length < 12) {
      throw corrupted(file, "manifest is " + b.length + " bytes, too short");
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    int magic = buf.getInt(0);
    if (magic != MAGIC) {
      throw corrupted(file, String.format("unknown magic 0x%08X, not a LaminarDB checkpoint "
          + "manifest (magic 0x%08X)", magic, MAGIC));
    }
    CRC32C crc = new CRC32C();
    crc.update(b, 0, b.length - 4);
    if ((int) crc.getValue() != buf.getInt(b.length - 4)) {
      throw corrupted(file, "checksum mismatch (truncated or damaged)");
    }
    int version = buf.getInt(4);
    if (version > FORMAT_VERSION) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "checkpoint manifest " + file
          + " was written by an incompatible format version " + version + ", this build reads "
          + FORMAT_VERSION + "; open the directory with a newer LaminarDB");
    }
    if (version < 1) {
      throw corrupted(file, "invalid format version " + version);
    }
    try {
      buf.position(8).limit(b.length - 4);
      long epoch = buf.getLong();
      long created = buf.getLong();
      long completed = buf.getLong();
      Map<String, Long> offsets = readLongs(buf);
      Map<String, Long> watermarks = readLongs(buf);
      int n = count(buf);
      List<StateFileRef> files = new ArrayList<>(Math.min(n, 1024));
      for (int i = 0; i < n; i++) {
        files.add(new StateFileRef(readString(buf), buf.getLong(), buf.getInt()));
      }
      int sinks = count(buf);
      Map<String, String> sinkStates = new HashMap<>();
      for (int i = 0; i < sinks; i++) {
        sinkStates.put(readString(buf), readString(buf));
      }
      if (buf.hasRemaining()) {
        throw corrupted(file, buf.remaining() + " unexpected bytes before the checksum");
      }
      return new Decoded(new Manifest(epoch, created, offsets, watermarks, files, sinkStates),
          completed);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw corrupted(file, "invalid contents: " + e);
    }
  }

  private static Map<String, Long> readLongs(ByteBuffer buf) {
    int n = count(buf);
    Map<String, Long> map = new HashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(readString(buf), buf.getLong());
    }
    return map;
  }

  private static int count(ByteBuffer buf) {
    int n = buf.getInt();
    if (n < 0 || n > buf.remaining()) {
      throw new IllegalArgumentException("count " + n + " out of range");
    }
    return n;
  }

  private static String readString(ByteBuffer buf) {
    int n = buf.getInt();
    if (n < 0 || n > MAX_STRING || n > buf.remaining()) {
      throw new IllegalArgumentException("string length " + n + " out of range");
    }
    String s = new String(buf.array(), buf.position(), n, StandardCharsets.UTF_8);
    buf.position(buf.position() + n);
    return s;
  }

  static byte[] trailer(long length, int crc) {
    return ByteBuffer.allocate(TRAILER_BYTES).putLong(length).putInt(crc).array();
  }

  /**
   * Checks a state file against its reference: size, trailer and CRC32C of the data, reading it
   * in blocks.
   *
   * @throws LaminarDBException XX001 if it is missing or does not match
   */
  static void verifyStateFile(Path file, StateFileRef ref) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      checkSize(file, ref, ch.size());
      CRC32C crc = new CRC32C();
      ByteBuffer block = ByteBuffer.allocate(64 << 10);
      long left = ref.length();
      long pos = 0;
      while (left > 0) {
        block.clear().limit((int) Math.min(block.capacity(), left));
        int n = ch.read(block, pos);
        if (n < 0) {
          throw corrupted(file, "shorter than its size");
        }
        block.flip();
        crc.update(block);
        pos += n;
        left -= n;
      }
      ByteBuffer t = ByteBuffer.allocate(TRAILER_BYTES);
      while (t.hasRemaining() && ch.read(t, pos + t.position()) >= 0) {
        // positional reads until full or EOF
      }
      checkTrailer(file, ref, t.flip(), (int) crc.getValue());
    } catch (NoSuchFileException e) {
      throw corrupted(file, "state file listed in the manifest is missing");
    } catch (IOException e) {
      throw corrupted(file, "cannot be read: " + e);
    }
  }

  /**
   * Reads a state file and checks it against its reference.
   *
   * @return the data, without the trailer
   * @throws LaminarDBException XX001 if it is missing or does not match
   */
  static byte[] readStateFile(Path file, StateFileRef ref) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw corrupted(file, "state file listed in the manifest is missing");
    } catch (IOException e) {
      throw corrupted(file, "cannot be read: " + e);
    }
    checkSize(file, ref, all.length);
    int n = (int) ref.length();
    CRC32C crc = new CRC32C();
    crc.update(all, 0, n);
    checkTrailer(file, ref, ByteBuffer.wrap(all, n, TRAILER_BYTES), (int) crc.getValue());
    byte[] data = new byte[n];
    System.arraycopy(all, 0, data, 0, n);
    return data;
  }

  /**
   * Opens a state file for reading its data as a stream: the size is checked at once, the
   * CRC32C and the trailer when the last data byte has been read (a mismatch then throws
   * {@link java.io.IOException} with the XX001 exception as its cause).
   *
   * @throws LaminarDBException XX001 if it is missing or has the wrong size
   */
  static java.io.InputStream openStateFile(Path file, StateFileRef ref) {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      checkSize(file, ref, ch.size());
    } catch (NoSuchFileException e) {
      throw corrupted(file, "state file listed in the manifest is missing");
    } catch (IOException e) {
      throw corrupted(file, "cannot be read: " + e);
    }
    java.io.InputStream raw = java.nio.channels.Channels.newInputStream(ch);
    return new java.io.FilterInputStream(new java.io.BufferedInputStream(raw, 1 << 16)) {
      private final CRC32C crc = new CRC32C();
      private long left = ref.length();

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
          throw new IOException(corrupted(file, "shorter than its size"));
        }
        crc.update(b, off, n);
        left -= n;
        if (left == 0) {
          ByteBuffer t = ByteBuffer.allocate(TRAILER_BYTES);
          while (t.hasRemaining() && ch.read(t, ref.length() + t.position()) >= 0) {
            // positional reads until full or EOF
          }
          try {
            checkTrailer(file, ref, t.flip(), (int) crc.getValue());
          } catch (LaminarDBException e) {
            throw new IOException(e.getMessage(), e);
          }
        }
        return n;
      }
    };
  }

  private static void checkSize(Path file, StateFileRef ref, long size) {
    if (size != ref.length() + TRAILER_BYTES) {
      throw corrupted(file, "size is " + size + " bytes, the manifest says "
          + (ref.length() + TRAILER_BYTES) + " (" + ref.length() + " data + " + TRAILER_BYTES
          + " trailer)");
    }
  }

  private static void checkTrailer(Path file, StateFileRef ref, ByteBuffer t, int actualCrc) {
    long length = t.getLong();
    int crc = t.getInt();
    if (length != ref.length()) {
      throw corrupted(file, "trailer says " + length + " data bytes, the manifest says "
          + ref.length());
    }
    if (actualCrc != ref.crc() || crc != ref.crc()) {
      throw corrupted(file, String.format("checksum mismatch: data 0x%08X, trailer 0x%08X, "
          + "manifest 0x%08X", actualCrc, crc, ref.crc()));
    }
  }

  static LaminarDBException corrupted(Path file, String what) {
    return new LaminarDBException(ErrorCode.DATA_CORRUPTED, "checkpoint file " + file
        + " is corrupted: " + what);
  }
}
