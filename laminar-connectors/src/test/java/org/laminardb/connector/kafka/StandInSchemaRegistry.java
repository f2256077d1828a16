package org.laminardb.connector.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A stand-in for a Confluent schema registry (none can run in the tests): an in-memory map
 * behind the JDK's HTTP server that answers exactly the two calls the KAFKA connector makes,
 * {@code GET /schemas/ids/{id}} and {@code POST /subjects/{subject}/versions}, with the JSON
 * bodies of Confluent's REST API. It can be stopped and started again on the same port.
 */
final class StandInSchemaRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
  private static final Pattern VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");

  private final int port;
  private final Map<Integer, String> schemas = new ConcurrentHashMap<>();
  /** Subject and schema text to id. */
  private final Map<String, Integer> registered = new ConcurrentHashMap<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> subjects = new CopyOnWriteArrayList<>();
  private int nextId = 257; // more than one byte of the id in use
  private HttpServer server;

  /** A registry on a free port, not started. */
  StandInSchemaRegistry() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  synchronized StandInSchemaRegistry start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Registers a schema as a producer's serializer would; returns its id. */
  synchronized int register(String subject, Schema schema) {
    String text = schema.toString();
    Integer id = registered.get(subject + "\n" + text);
    if (id == null) {
      id = schemas.entrySet().stream().filter(e -> e.getValue().equals(text))
          .map(Map.Entry::getKey).findFirst().orElse(nextId++);
      schemas.put(id, text);
      registered.put(subject + "\n" + text, id);
      subjects.add(subject);
    }
    return id;
  }

  /** The schema registered under an id, or null. */
  Schema schema(int id) {
    String text = schemas.get(id);
    return text == null ? null : new Schema.Parser().parse(text);
  }

  /** Subjects registered (through HTTP or {@link #register}), in order. */
  List<String> subjects() {
    return subjects;
  }

  /** Authorization headers of the requests received. */
  List<String> authorizations() {
    return authorizations;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        authorizations.add(auth);
      }
      String path = exchange.getRequestURI().getPath();
      Matcher byId = BY_ID.matcher(path);
      Matcher versions = VERSIONS.matcher(path);
      if (exchange.getRequestMethod().equals("GET") && byId.matches()) {
        String text = schemas.get(Integer.parseInt(byId.group(1)));
        if (text == null) {
          reply(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
        } else {
          reply(exchange, 200, Map.of("schema", text));
        }
      } else if (exchange.getRequestMethod().equals("POST") && versions.matches()) {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        Schema schema = new Schema.Parser().parse(body.get("schema").asText());
        int id = register(URLDecoder.decode(versions.group(1), StandardCharsets.UTF_8), schema);
        reply(exchange, 200, Map.of("id", id));
      } else {
        reply(exchange, 404, Map.of("error_code", 404, "message", "HTTP 404 Not Found"));
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
