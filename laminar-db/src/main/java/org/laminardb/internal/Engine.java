package org.laminardb.internal;

import java.util.List;
import org.laminardb.RowListener;
import org.laminardb.SourceWriter;
import org.laminardb.StatementResult;
import org.laminardb.Subscription;
import org.laminardb.TypedSourceWriter;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/** The engine behind a {@link org.laminardb.LaminarDB} handle. */
public final class Engine {
  private final EngineConfig config;
  private volatile boolean closed;

  /**
   * Starts an engine.
   *
   * @param config the options
   */
  public Engine(EngineConfig config) {
    this.config = config;
  }

  /**
   * The options.
   *
   * @return the config
   */
  public EngineConfig config() {
    return config;
  }

  /**
   * Executes one statement.
   *
   * @param sql the statement
   * @param params values of {@code ?} parameters in order, or null
   * @return the outcome
   */
  public StatementResult execute(String sql, List<Object> params) {
    throw notReady();
  }

  /**
   * New writer for a source.
   *
   * @param source source name
   * @return the writer
   */
  public SourceWriter writer(String source) {
    throw notReady();
  }

  /**
   * New typed writer for a source.
   *
   * @param source source name
   * @param type record or bean class
   * @param <T> row class
   * @return the writer
   */
  public <T> TypedSourceWriter<T> typedWriter(String source, Class<T> type) {
    throw notReady();
  }

  /**
   * Subscribes to a stream or view.
   *
   * @param name object name
   * @param listener callback on the reactor thread, or null for a polled subscription
   * @return the subscription
   */
  public Subscription subscribe(String name, RowListener listener) {
    throw notReady();
  }

  /**
   * Every catalog object, sorted by kind and name.
   *
   * @return the objects
   */
  public List<CatalogObjectInfo> listObjects() {
    throw notReady();
  }

  /**
   * Whether the engine is closed.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /** Stops everything. */
  public void close() {
    closed = true;
  }

  private static LaminarDBException notReady() {
    return new LaminarDBException(ErrorCode.INTERNAL_ERROR, "engine not implemented yet");
  }
}
