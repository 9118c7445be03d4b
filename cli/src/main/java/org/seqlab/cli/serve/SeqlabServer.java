package org.seqlab.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON HTTP API over the JDK's {@code com.sun.net.httpserver}: a fixed pool of worker threads,
 * one route per path and method, bodies read up to a per-route limit, and every failure answered as
 * {@code {"error": message, "status": code}}. Client mistakes get 4xx; only a fault of the server
 * itself gives 500. Models are immutable after loading and shared by all workers.
 *
 * <p>Slow clients cannot hold a worker for ever: the JDK server's request and response time limits
 * ({@code sun.net.httpserver.maxReqTime}, {@code maxRspTime}) are set to {@link Config#timeoutSeconds}
 * before the first server is created, unless already set, and so is {@code sun.net.httpserver.nodelay}
 * (TCP_NODELAY: small answers are not held back by Nagle's algorithm and delayed ACKs).
 */
public final class SeqlabServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SeqlabServer.class);
  /** Refuses trailing content after the JSON value ({@code {"a": 1}}} is malformed, not {@code {"a": 1}}). */
  static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * @param host address to bind (loopback by default)
   * @param port TCP port, 0 for any free one
   * @param threads worker threads
   * @param maxJsonBytes body limit of JSON endpoints
   * @param maxImageBytes body limit of {@code POST /caption}
   * @param timeoutSeconds per-request read and write time limit
   */
  public record Config(String host, int port, int threads, long maxJsonBytes, long maxImageBytes, int timeoutSeconds) {
    public Config {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
      }
      if (threads < 1 || maxJsonBytes < 1 || maxImageBytes < 1 || timeoutSeconds < 1) {
        throw new IllegalArgumentException("threads, body limits and timeout must be >= 1, got "
            + threads + ", " + maxJsonBytes + ", " + maxImageBytes + ", " + timeoutSeconds);
      }
    }

    public static Config defaults() {
      return new Config("127.0.0.1", 8080, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 1 << 20, 8 << 20, 30);
    }

    public Config withPort(int p) {
      return new Config(host, p, threads, maxJsonBytes, maxImageBytes, timeoutSeconds);
    }
  }

  private record Route(String method, long maxBody, Endpoint endpoint) {}

  private final HttpServer server;
  private final ExecutorService workers;
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  private SeqlabServer(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Binds, registers the endpoints over {@code models} and starts serving. */
  public static SeqlabServer start(Config config, Path models) throws IOException {
    return start(config, ModelRegistry.load(models, ModelRegistry.defaultLoaders()));
  }

  static SeqlabServer start(Config config, ModelRegistry models) throws IOException {
    String t = Integer.toString(config.timeoutSeconds());
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", t);
    System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", t);
    // without TCP_NODELAY, a keep-alive client's delayed ACK holds every small answer back ~40 ms
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread th = new Thread(r, "seqlab-http-" + n.incrementAndGet());
      th.setDaemon(true);
      return th;
    });
    http.setExecutor(pool);
    SeqlabServer s = new SeqlabServer(http, pool);
    Endpoints.register(s, models, config);
    http.createContext("/", s::dispatch);
    http.start();
    LOG.info("serving {} models on http://{}:{}", models.size(), config.host(), s.port());
    return s;
  }

  void route(String method, String path, long maxBody, Endpoint e) {
    if (routes.putIfAbsent(path, new Route(method, maxBody, e)) != null) {
      throw new IllegalStateException("route " + path + " registered twice");
    }
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  long requestCount() {
    return requests.get();
  }

  long errorCount() {
    return errors.get();
  }

  private void dispatch(HttpExchange ex) {
    requests.incrementAndGet();
    try (ex) {
      int status;
      JsonNode body;
      try {
        body = answer(ex);
        status = 200;
      } catch (ApiException e) {
        status = e.status();
        body = error(status, e.getMessage());
      } catch (IllegalArgumentException e) {
        // the library refusing the request's content (a shape, an id range): the client's input
        status = 422;
        body = error(status, e.getMessage());
      } catch (IOException | RuntimeException e) {
        status = 500;
        LOG.error("internal error on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
        body = error(status, "internal error: " + e);
      }
      if (status >= 400) {
        errors.incrementAndGet();
      }
      send(ex, status, body);
    } catch (IOException e) {
      LOG.debug("client went away during {} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
    }
  }

  private JsonNode answer(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Route r = routes.get(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    if (r == null) {
      throw ApiException.notFound("no endpoint " + path + "; endpoints: " + describeRoutes());
    }
    if (!r.method().equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().set("Allow", r.method());
      throw new ApiException(405, path + " accepts " + r.method() + ", not " + ex.getRequestMethod());
    }
    return r.endpoint().handle(Request.read(ex, r.maxBody()));
  }

  private String describeRoutes() {
    StringBuilder sb = new StringBuilder();
    routes.forEach((p, r) -> sb.append(sb.length() == 0 ? "" : ", ").append(r.method()).append(' ').append(p));
    return sb.toString();
  }

  static ObjectNode error(int status, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", message == null ? "(no message)" : message);
    o.put("status", status);
    return o;
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops accepting requests, lets running ones finish for up to a second, and frees the port. */
  @Override
  public void close() {
    server.stop(1);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
