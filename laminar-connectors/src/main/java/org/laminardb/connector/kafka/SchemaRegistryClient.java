package org.laminardb.connector.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Minimal client of a Confluent-compatible schema registry over {@link HttpClient}, with the two
 * calls the KAFKA connector needs: {@code GET {url}/schemas/ids/{id}} (the writer schema of an
 * id, cached for ever: ids are immutable) and {@code POST {url}/subjects/{subject}/versions}
 * (register a schema, returning its id). Optional HTTP Basic authentication.
 *
 * <p>Blocking: used only on ring-1 threads (a source's consumer thread, a sink's writer). Not
 * thread-safe.
 *
 * <p>Tested against a stand-in registry that implements exactly these two calls (the tests'
 * {@code StandInSchemaRegistry}), not against Confluent's server.
 */
final class SchemaRegistryClient {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final String authorization;
  private final HttpClient http;
  /** Writer schemas by id; a BadRecordException for ids the registry does not know. */
  private final Map<Integer, Object> byId = new HashMap<>();

  /**
   * Where the registry is: options {@code schema_registry_url}, {@code schema_registry_user},
   * {@code schema_registry_password}.
   *
   * @param url the registry's base URL, e.g. {@code http://registry:8081}
   * @param user user name of Basic authentication, or null for none
   * @param password its password (null means empty)
   */
  record Settings(String url, String user, String password) {
    /** Option names, accepted by sources and sinks. */
    static final java.util.Set<String> OPTIONS = java.util.Set.of("schema_registry_url",
        "schema_registry_user", "schema_registry_password");

    /**
     * Reads the options.
     *
     * @param o the options
     * @param format the format chosen
     * @param avro whether the records are Avro (format avro, or encode avro)
     * @return the settings, or null without {@code schema_registry_url}
     */
    static Settings parse(KafkaOptions o, String format, boolean avro) {
      String url = o.get("schema_registry_url");
      if (url == null) {
        if (o.get("schema_registry_user") != null || o.get("schema_registry_password") != null) {
          throw o.invalid("schema_registry_user", String.valueOf(o.get("schema_registry_user")),
              "no credentials without schema_registry_url");
        }
        return null;
      }
      if (!avro) {
        throw o.unsupported("'schema_registry_url' works with Avro records only (the "
            + "Confluent wire format): format = 'avro', or format 'upsert' or 'debezium' with "
            + "encode = 'avro'; not with format '" + format + "'"
            + (format.equals("upsert") || format.equals("debezium") ? " encoded as JSON" : ""));
      }
      URI uri;
      try {
        uri = URI.create(url.trim());
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
          || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw o.invalid("schema_registry_url", url, "an http:// or https:// URL such as "
            + "'http://registry:8081'");
      }
      return new Settings(url.trim(), o.get("schema_registry_user"),
          o.get("schema_registry_password"));
    }
  }

  /**
   * Creates the client; nothing is fetched yet.
   *
   * @param settings where the registry is
   */
  SchemaRegistryClient(Settings settings) {
    String u = settings.url();
    this.url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    this.authorization = settings.user() == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((settings.user() + ":" + (settings.password() == null ? ""
            : settings.password())).getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * The registry's URL, for messages.
   *
   * @return the base URL
   */
  String url() {
    return url;
  }

  /**
   * The Avro schema registered under an id, fetched once.
   *
   * @param id the schema id
   * @return the schema
   * @throws BadRecordException if the registry does not know the id or its schema is no Avro
   * @throws Unavailable if the registry cannot be asked now (to retry later)
   */
  Schema schema(int id) {
    Object known = byId.get(id);
    if (known == null) {
      known = fetch(id);
      byId.put(id, known);
    }
    if (known instanceof BadRecordException) {
      throw (BadRecordException) known;
    }
    return (Schema) known;
  }

  private Object fetch(int id) {
    HttpResponse<String> response = send(request("/schemas/ids/" + id).GET().build());
    if (response.statusCode() == 404) {
      return new BadRecordException("schema id " + id + " is unknown to the schema registry "
          + url + " (" + response.body() + ")");
    }
    JsonNode body = ok(response);
    JsonNode type = body.get("schemaType");
    if (type != null && !type.asText().equalsIgnoreCase("AVRO")) {
      return new BadRecordException("schema id " + id + " of the schema registry is a "
          + type.asText() + " schema, not Avro");
    }
    JsonNode text = body.get("schema");
    try {
      if (text == null) {
        throw new SchemaParseException("no \"schema\" member");
      }
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      return new BadRecordException("schema id " + id + " of the schema registry is not a "
          + "valid Avro schema: " + e.getMessage());
    }
  }

  /**
   * Registers a schema under a subject (a no-op in the registry if it is registered already).
   *
   * @param subject the subject, e.g. {@code topic-value}
   * @param schema the schema
   * @return the schema's id
   * @throws Unavailable if the registry cannot be reached or refuses the schema
   */
  int register(String subject, Schema schema) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<String> response = send(request("/subjects/"
        + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions")
        .header("Content-Type", CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    JsonNode id = ok(response).get("id");
    if (id == null || !id.canConvertToInt()) {
      throw new Unavailable("schema registry " + url + " answered the registration of subject "
          + subject + " without an id: " + response.body());
    }
    return id.intValue();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT)
        .header("Accept", CONTENT_TYPE + ", application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      throw new Unavailable("schema registry " + url + " cannot be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while asking schema registry " + url);
    }
  }

  private JsonNode ok(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new Unavailable("schema registry " + url + " answered " + response.request().method()
          + " " + response.request().uri().getPath() + " with HTTP " + response.statusCode()
          + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new Unavailable("schema registry " + url + " answered with malformed JSON: "
          + e.getMessage());
    }
  }

  /** The registry cannot be asked now (unreachable, an HTTP error other than 404): retry. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message, null, false, false);
    }
  }
}
