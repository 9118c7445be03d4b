package org.seqlab.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.WordVectorsFormat;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;

class SeqlabServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir static Path dir;
  private static SeqlabServer server;
  private static String base;

  /** Four words on two axes: a ~ b, c ~ d. */
  static WordVectors tiny() {
    return WordVectors.of(List.of("alpha", "beta", "gamma", "delta"),
        new float[] {1, 0.1f, 0, 0.9f, 0.2f, 0, 0, 1, 0.1f, 0.1f, 0.9f, 0}, 3);
  }

  @BeforeAll
  static void start() throws IOException {
    Path models = Files.createDirectories(dir.resolve("models"));
    WordVectorsFormat.write(models.resolve("tiny.bin"), tiny(), VectorsFormat.WORD2VEC_BINARY, "test|tiny");
    Files.writeString(models.resolve("notes.txt"), "not a model");
    SeqlabServer.Config c = SeqlabServer.Config.defaults().withPort(0);
    server = SeqlabServer.start(new SeqlabServer.Config(c.host(), 0, 4, 4096, 8192, 2), models);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, body, "application/json");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode ok(HttpResponse<String> r) throws IOException {
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  private static String refused(HttpResponse<String> r, int status) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode e = JSON.readTree(r.body());
    assertEquals(status, e.get("status").asInt());
    return e.get("error").asText();
  }

  @Test
  void healthAndModels() throws Exception {
    assertEquals("ok", ok(get("/health")).get("status").asText());
    JsonNode m = ok(get("/models")).get("models");
    assertEquals(1, m.size());
    assertEquals("tiny", m.get(0).get("name").asText());
    assertEquals("embeddings", m.get(0).get("kind").asText());
    assertEquals("test|tiny", m.get(0).get("signature").asText());
    assertTrue(m.get(0).get("checksum").asText().matches("sha256:[0-9a-f]{64}"));
  }

  @Test
  void nearestAndAnalogyMatchTheLibrary() throws Exception {
    JsonNode n = ok(post("/embeddings/nearest", "{\"word\": \"alpha\", \"k\": 2}"));
    assertEquals("tiny", n.get("model").asText());
    JsonNode nb = n.get("results").get(0).get("neighbors");
    assertEquals("beta", nb.get(0).get("word").asText());
    assertEquals(tiny().similarity("alpha", "beta"), nb.get(0).get("similarity").asDouble(), 1e-6);
    JsonNode many = ok(post("/embeddings/nearest", "{\"model\": \"tiny\", \"words\": [\"gamma\", \"delta\"], \"k\": 1}"));
    assertEquals("delta", many.get("results").get(0).get("neighbors").get(0).get("word").asText());
    assertEquals("gamma", many.get("results").get(1).get("neighbors").get(0).get("word").asText());
    JsonNode a = ok(post("/embeddings/analogy", "{\"a\": \"alpha\", \"b\": \"beta\", \"c\": \"gamma\", \"k\": 1}"));
    assertEquals("delta", a.get("answers").get(0).get("word").asText());
  }

  @Test
  void bleuMatchesTheMetricsModule() throws Exception {
    JsonNode b = ok(post("/bleu", "{\"hypotheses\": [\"the cat sat on the mat\", \"a dog\"], "
        + "\"references\": [[\"the cat sat on a mat\", \"a dog barked\"]]}"));
    double expected = new Bleu(BleuConfig.corpusDefaults())
        .corpusScore(List.of("the cat sat on the mat", "a dog"), List.of(List.of("the cat sat on a mat", "a dog barked"))).score();
    assertEquals(expected, b.get("score").asDouble(), 1e-9);
    assertTrue(b.get("signature").asText().startsWith("nrefs:1|case:mixed"));
    assertTrue(refused(post("/bleu", "{\"hypotheses\": [\"a\"], \"references\": [\"a\", \"b\"]}"), 400).contains("2 segments"));
    assertTrue(refused(post("/bleu", "{\"hypotheses\": [\"a\"], \"references\": [\"a\"], \"tokenize\": \"zz\"}"), 400).contains("zz"));
  }

  @Test
  void badRequestsGetClear4xxAnswers() throws Exception {
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": \"omega\"}"), 422).contains("omega"));
    assertTrue(refused(post("/embeddings/nearest", "{\"words\": [\"alpha\", \"x1\", \"x2\"]}"), 422).contains("[x1, x2]"));
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": "), 400).startsWith("malformed JSON"));
    assertTrue(refused(post("/embeddings/nearest", "[1, 2]"), 400).contains("JSON object"));
    assertTrue(refused(post("/embeddings/nearest", ""), 400).contains("empty"));
    assertTrue(refused(post("/embeddings/nearest", "{}"), 400).contains("'word'"));
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": \"   \"}"), 400).contains("empty"));
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": 5}"), 400).contains("string"));
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": \"alpha\", \"k\": 0}"), 400).contains("'k'"));
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": \"alpha\", \"model\": \"nope\"}"), 404).contains("nope"));
    assertTrue(refused(post("/embeddings/analogy", "{\"a\": \"alpha\", \"b\": \"beta\", \"c\": \"gamma\", \"method\": \"x\"}"), 400).contains("cosmul"));
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": \"alpha\"}", "text/plain"), 415).contains("text/plain"));
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": \"" + "a".repeat(5000) + "\"}"), 413).contains("limit"));
    assertTrue(refused(get("/embeddings/nearest"), 405).contains("POST"));
    assertTrue(refused(get("/nothing"), 404).contains("/embeddings/nearest"));
  }

  @Test
  void concurrentRequestsAgreeWithSequentialOnes() throws Exception {
    String[] words = {"alpha", "beta", "gamma", "delta"};
    List<String> expected = new ArrayList<>();
    for (String w : words) {
      expected.add(ok(post("/embeddings/nearest", "{\"word\": \"" + w + "\", \"k\": 3}")).toString());
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<String>> got = new ArrayList<>();
      for (int i = 0; i < 320; i++) {
        String w = words[i % 4];
        got.add(pool.submit(() -> ok(post("/embeddings/nearest", "{\"word\": \"" + w + "\", \"k\": 3}")).toString()));
      }
      for (int i = 0; i < got.size(); i++) {
        assertEquals(expected.get(i % 4), got.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStalledClientDoesNotBlockOthers() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("POST /embeddings/nearest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"wo")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 0; i < 8; i++) {
        ok(post("/embeddings/nearest", "{\"word\": \"alpha\"}"));
      }
    }
  }

  @Test
  void corruptModelStopsStartUpNamingTheFile(@TempDir Path other) throws Exception {
    Path bad = other.resolve("bad.bin");
    WordVectorsFormat.write(bad, tiny(), VectorsFormat.WORD2VEC_BINARY, "test|tiny");
    byte[] bytes = Files.readAllBytes(bad);
    bytes[bytes.length - 3] ^= 0x40;
    Files.write(bad, bytes);
    IOException e = assertThrows(IOException.class, () -> ModelRegistry.load(other, ModelRegistry.defaultLoaders()));
    assertTrue(e.getMessage().contains("bad.bin"), e.getMessage());
  }
}
