package org.laminardb.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The schema-registry client against the stand-in registry (no broker needed). */
@Timeout(60)
class SchemaRegistryClientTest {
  private static final Schema SCHEMA = new Schema.Parser().parse("{\"type\":\"record\","
      + "\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

  @Test
  void shouldRegisterFetchAndCacheSchemasAndTellUnknownIdsFromAnUnreachableRegistry()
      throws Exception {
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry().start()) {
      SchemaRegistryClient client = new SchemaRegistryClient(
          new SchemaRegistryClient.Settings(registry.url(), null, null));
      int id = client.register("t-value", SCHEMA);
      assertThat(client.register("t-value", SCHEMA)).isEqualTo(id);
      assertThat(registry.subjects()).containsExactly("t-value");
      assertThat(client.schema(id)).isEqualTo(SCHEMA);
      assertThatThrownBy(() -> client.schema(id + 100)).isInstanceOf(BadRecordException.class)
          .hasMessageContaining("schema id " + (id + 100) + " is unknown");
      registry.stop();
      assertThat(client.schema(id)).isEqualTo(SCHEMA); // cached
      assertThatThrownBy(() -> client.schema(id + 100)) // cached too: ids never change
          .isInstanceOf(BadRecordException.class);
      assertThatThrownBy(() -> client.schema(id + 1))
          .isInstanceOf(SchemaRegistryClient.Unavailable.class)
          .hasMessageContaining("cannot be reached");
      assertThatThrownBy(() -> client.register("u-value", SCHEMA))
          .isInstanceOf(SchemaRegistryClient.Unavailable.class);
    }
  }
}
