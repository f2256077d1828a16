package org.laminardb.connector.kafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the test classes that share one real broker per class: started before the first test,
 * killed and deleted after the last.
 */
abstract class BrokerTestBase {
  /** The class's broker. */
  static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }
}
