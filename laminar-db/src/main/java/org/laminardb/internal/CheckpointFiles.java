package org.laminardb.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.laminardb.core.reactor.Reactor;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.storage.checkpoint.Checkpoint;
import org.laminardb.storage.state.StateGraphReader;

/**
 * The engine's files in a checkpoint, read and written: the catalog (the statements of the live
 * objects, each with its source's WAL id) and the state files restored into a rebuilt engine.
 * The layouts are in {@code docs/STORAGE.md}, section "Checkpoints of the engine".
 */
final class CheckpointFiles {
  /** Name of the catalog file in a checkpoint. */
  static final String CATALOG_FILE = "catalog";

  private CheckpointFiles() {}

  /** The catalog file: per live object (in creation order) its source id and statement. */
  static byte[] encodeCatalog(List<String[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(entries.size());
      for (String[] e : entries) {
        out.writeInt(Integer.parseInt(e[0]));
        byte[] sql = e[1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(sql.length);
        out.write(sql);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Runs a checkpoint's catalog statements again in an empty engine (not logged). */
  static void runCatalog(Engine engine, Checkpoint cp) {
    try (DataInputStream in = new DataInputStream(
        new java.io.ByteArrayInputStream(cp.readStateFile(CATALOG_FILE)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        int sourceId = in.readInt();
        byte[] sql = new byte[in.readInt()];
        in.readFully(sql);
        engine.executeRecorded(sourceId,
            new String(sql, java.nio.charset.StandardCharsets.UTF_8), "checkpoint " + cp.epoch());
      }
    } catch (IOException e) {
      throw new LaminarDBException(ErrorCode.DATA_CORRUPTED, "catalog of checkpoint "
          + cp.epoch() + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Puts one object's state back from a state file, on the object's reactor. */
  static void restore(Engine engine, Checkpoint cp, String file) {
    java.io.InputStream stream = cp.openStateFile(file);
    try (DataInputStream in = new DataInputStream(stream)) {
      String name = in.readUTF();
      long watermark = in.readLong();
      long connectorRows = in.readLong();
      int positionLength = in.readInt();
      byte[] position = positionLength < 0 ? null : in.readNBytes(positionLength);
      if (position != null && position.length != positionLength) {
        throw new IOException("the connector position is cut short");
      }
      String failure = in.readBoolean() ? in.readUTF() : null;
      long graphLength = in.readLong();
      RelationRuntime rt = engine.catalog().find(name);
      if (rt == null) {
        throw new LaminarDBException(ErrorCode.DATA_CORRUPTED, "checkpointed state of " + name
            + " has no object of that name in the checkpoint's catalog");
      }
      rt.reactor.submit(() -> {
        new StateGraphReader(in, graphLength).restore(rt.stateRoots());
        rt.restoreOutputWatermark(watermark);
        rt.connectorRows = connectorRows;
        rt.connectorPosition = position;
        return null;
      }).join();
      if (in.read() >= 0) {
        throw new IOException("bytes left after the state of " + name);
      }
      if (failure != null) {
        rt.fail(new LaminarDBException(ErrorCode.DATA_EXCEPTION, failure));
      }
    } catch (IOException e) {
      throw new LaminarDBException(ErrorCode.DATA_CORRUPTED, "state file " + file
          + " of checkpoint " + cp.epoch() + " cannot be read: " + e.getMessage(), e);
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  /** Lets the rebuilt pipelines' output reach the sinks again, once all state is back. */
  static void unmuteSinks(Engine engine) {
    for (RelationRuntime rt : engine.catalog().all()) {
      if (rt.sinkRuntime != null) {
        SinkRuntime s = rt.sinkRuntime;
        rt.reactor.submit(() -> {
          s.forwarder().mute(false);
          return null;
        }).join();
      }
    }
  }

  /** Objects that belong to no single object's state: outputs of objects, wiring, plans. */
  static java.util.function.Predicate<Object> keepPredicate(List<RelationRuntime> all) {
    java.util.Set<Object> outputs =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (RelationRuntime rt : all) {
      outputs.add(rt.output);
    }
    return o -> outputs.contains(o) || o instanceof RelationRuntime
        || o instanceof Reactor || o instanceof org.laminardb.core.queue.ChunkChannel
        || o instanceof ChannelForwarder || o instanceof WalAppender
        || foreignLibrary(o.getClass().getName());
  }

  private static boolean foreignLibrary(String className) {
    return className.startsWith("org.apache.calcite.") || className.startsWith("org.codehaus.")
        || className.startsWith("com.google.") || className.startsWith("org.agrona.concurrent.");
  }
}
