package org.laminardb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of test classes whose every test runs against a fresh in-memory database. */
abstract class DatabaseTestBase {
  /** The database of the running test: opened before it, closed after it. */
  LaminarDB db;

  /** Opens {@link #db} before each test. */
  @BeforeEach
  void openDatabase() {
    db = LaminarDB.open();
  }

  /** Closes {@link #db} after each test. */
  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
