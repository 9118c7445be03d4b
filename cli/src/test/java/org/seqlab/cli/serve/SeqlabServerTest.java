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
import org.seqlab.attention.caption.Caption;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.attention.caption.DecodeOptions;
import org.seqlab.attention.caption.SceneConfig;
import org.seqlab.attention.caption.SceneGenerator;
import org.seqlab.attention.caption.SceneSplit;
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
    trainTinyTranslator(models.resolve("de-en"));
    trainTinyCaptioner(models.resolve("scenes.spf"));
    SeqlabServer.Config c = SeqlabServer.Config.defaults().withPort(0);
    server = SeqlabServer.start(new SeqlabServer.Config(c.host(), 0, 4, 4096, 8192, 2), models);
    base = "http://127.0.0.1:" + server.port();
  }

  /** A few-second German-English toy model, trained through the CLI as a user would. */
  private static void trainTinyTranslator(Path out) throws IOException {
    StringBuilder de = new StringBuilder();
    StringBuilder en = new StringBuilder();
    String[][] w = {{"Hund", "dog"}, {"Katze", "cat"}, {"Maus", "mouse"}};
    for (int i = 0; i < 48; i++) {
      de.append("ein ").append(w[i % 3][0]).append(" läuft .\n");
      en.append("a ").append(w[i % 3][1]).append(" runs.\n");
    }
    Path src = Files.writeString(dir.resolve("train.de"), de.toString(), StandardCharsets.UTF_8);
    Path tgt = Files.writeString(dir.resolve("train.en"), en.toString(), StandardCharsets.UTF_8);
    java.io.StringWriter err = new java.io.StringWriter();
    int rc = org.seqlab.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
        "translate", "train", "--source", src.toString(), "--target", tgt.toString(), "--out", out.toString(),
        "--embed", "8", "--encoder-hidden", "8", "--decoder-hidden", "8", "--attention-dim", "8", "--output-dim", "8",
        "--dropout", "0", "--epochs", "2", "--batch", "16", "--warmup", "0", "--min-count", "1", "--seed", "3");
    assertEquals(0, rc, err.toString());
  }

  /** A four-step show-attend-and-tell model on 16-pixel scenes, trained through the CLI. */
  private static void trainTinyCaptioner(Path out) {
    java.io.StringWriter err = new java.io.StringWriter();
    int rc = org.seqlab.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
        "caption", "train", "--out", out.toString(), "--variant", "show-attend-and-tell", "--steps", "4", "--batch", "2",
        "--image-size", "16", "--hidden", "8", "--eval-scenes", "0", "--seed", "3");
    assertEquals(0, rc, err.toString());
  }

  static byte[] png(java.awt.image.BufferedImage img) throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", b);
    return b.toByteArray();
  }

  private static HttpResponse<String> postBytes(String path, byte[] body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
    assertEquals(3, m.size());
    assertEquals("tiny", m.get(0).get("name").asText());
    assertEquals("embeddings", m.get(0).get("kind").asText());
    assertEquals("test|tiny", m.get(0).get("signature").asText());
    assertTrue(m.get(0).get("checksum").asText().matches("sha256:[0-9a-f]{64}"));
    assertEquals("de-en", m.get(1).get("name").asText());
    assertEquals("translation", m.get(1).get("kind").asText());
    assertTrue(m.get(1).get("signature").asText().startsWith("s2s|cell:gru|att:additive|emb:8"), m.toString());
    assertTrue(m.get(1).get("checksum").asText().matches("sha256:[0-9a-f]{64}"));
    assertEquals("scenes", m.get(2).get("name").asText());
    assertEquals("caption", m.get(2).get("kind").asText());
    assertEquals(1, m.get(2).get("version").asInt());
    assertTrue(m.get(2).get("signature").asText().startsWith("caption|show-attend-and-tell|px:16"), m.toString());
    assertTrue(m.get(2).get("checksum").asText().matches("sha256:[0-9a-f]{64}"));
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
  void translateMatchesTheTranslatorAndListsUnknownTokens() throws Exception {
    org.seqlab.attention.Translator t = org.seqlab.attention.Translator.load(dir.resolve("models/de-en"));
    String expected = t.translate("ein Hund läuft .", org.seqlab.attention.Translator.Options.beam(3, 0.7)).text();
    JsonNode r = ok(post("/translate", "{\"text\": \"ein Hund läuft .\", \"beam\": 3, \"alpha\": 0.7}"));
    assertEquals("de-en", r.get("model").asText());
    assertEquals(expected, r.get("translations").get(0).get("text").asText());
    assertEquals(0, r.get("translations").get(0).get("unknown_source_tokens").size());
    JsonNode batch = ok(post("/translate", "{\"texts\": [\"ein Hund läuft .\", \"ein Elefant läuft .\"], \"beam\": 1, \"n_best\": 1}"));
    assertEquals(2, batch.get("translations").size());
    assertEquals("[\"Elefant\"]", batch.get("translations").get(1).get("unknown_source_tokens").toString());
    JsonNode nb = ok(post("/translate", "{\"text\": \"ein Maus läuft .\", \"beam\": 4, \"n_best\": 3}"));
    assertEquals(3, nb.get("translations").get(0).get("n_best").size());
    assertTrue(refused(post("/translate", "{\"text\": \"\"}"), 400).contains("empty"));
    assertTrue(refused(post("/translate", "{\"text\": \"ein Hund\", \"beam\": 65}"), 400).contains("'beam'"));
    assertTrue(refused(post("/translate", "{\"text\": \"ein Hund\", \"beam\": 2, \"n_best\": 3}"), 400).contains("'n_best'"));
    assertTrue(refused(post("/translate", "{\"text\": \"ein Hund\", \"model\": \"fr-en\"}"), 404).contains("de-en"));
    assertTrue(refused(post("/translate", "{\"texts\": \"ein Hund\"}"), 400).contains("array"));
  }

  @Test
  void captionMatchesTheLibraryForRawAndBase64Bodies() throws Exception {
    CaptionModel model = CaptionModel.load(dir.resolve("models/scenes.spf"));
    java.awt.image.BufferedImage img = new SceneGenerator(new SceneConfig(16, 0.05, 0.3, SceneConfig.DEFAULT_HELD_OUT), 9).example(SceneSplit.TEST, 0).image();
    byte[] bytes = png(img);
    Caption beam = model.describe(bytes, DecodeOptions.beam(3).withAlpha(0.5));
    JsonNode r = ok(postBytes("/caption?beam=3&alpha=0.5", bytes, "image/png"));
    assertEquals("scenes", r.get("model").asText());
    assertEquals(beam.text(), r.get("caption").asText());
    assertEquals(beam.logProb(), r.get("log_prob").asDouble(), 1e-9);
    assertEquals(img.getWidth(), r.get("width").asInt());
    Caption greedy = model.describe(bytes, DecodeOptions.greedy());
    String b64 = java.util.Base64.getEncoder().encodeToString(bytes);
    JsonNode g = ok(post("/caption", "{\"image\": \"" + b64 + "\", \"beam\": 1, \"attention\": true}"));
    assertEquals(greedy.text(), g.get("caption").asText());
    assertEquals(greedy.tokens().size() + 1, g.get("attention").size(), g.toString()); // one map per emitted token, <eos> too
    assertEquals(model.describe(bytes, DecodeOptions.greedy().withAttentionMaps(true)).gridSize(), g.get("grid_size").asInt());
  }

  @Test
  void badCaptionRequestsGetClear4xxAnswers() throws Exception {
    byte[] bytes = png(new SceneGenerator(new SceneConfig(16, 0.05, 0.3, SceneConfig.DEFAULT_HELD_OUT), 9).example(SceneSplit.TEST, 1).image());
    assertTrue(refused(postBytes("/caption", new byte[0], "image/png"), 400).contains("no image"));
    assertTrue(refused(postBytes("/caption", "hello".getBytes(StandardCharsets.UTF_8), "image/png"), 400).contains("not an image"));
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    assertTrue(refused(postBytes("/caption", truncated, "image/png"), 400).contains("request body"));
    assertTrue(refused(postBytes("/caption?beam=0", bytes, "image/png"), 400).contains("'beam'"));
    assertTrue(refused(postBytes("/caption?beam=two", bytes, "image/png"), 400).contains("integer"));
    assertTrue(refused(postBytes("/caption?attention=maybe", bytes, "image/png"), 400).contains("'attention'"));
    assertTrue(refused(postBytes("/caption?model=nope", bytes, "image/png"), 404).contains("nope"));
    assertTrue(refused(post("/caption", "{\"image\": \"***\"}"), 400).contains("base64"));
    assertTrue(refused(post("/caption", "{\"beam\": 2}"), 400).contains("'image'"));
    assertTrue(refused(postBytes("/caption", new byte[9000], "image/png"), 413).contains("limit"));
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
    assertTrue(refused(post("/embeddings/nearest", "{\"word\": \"alpha\"}}"), 400).startsWith("malformed JSON"));
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
      String translateBody = "{\"texts\": [\"ein Hund läuft .\", \"ein Katze läuft .\"], \"beam\": 3}";
      String translated = ok(post("/translate", translateBody)).toString();
      List<Future<String>> tr = new ArrayList<>();
      for (int i = 0; i < 320; i++) {
        String w = words[i % 4];
        got.add(pool.submit(() -> ok(post("/embeddings/nearest", "{\"word\": \"" + w + "\", \"k\": 3}")).toString()));
        if (i % 10 == 0) {
          tr.add(pool.submit(() -> ok(post("/translate", translateBody)).toString()));
        }
      }
      for (int i = 0; i < got.size(); i++) {
        assertEquals(expected.get(i % 4), got.get(i).get());
      }
      for (Future<String> f : tr) {
        assertEquals(translated, f.get());
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
  void corruptCaptionModelStopsStartUpNamingTheFile(@TempDir Path other) throws Exception {
    byte[] bytes = Files.readAllBytes(dir.resolve("models/scenes.spf"));
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(other.resolve("broken.spf"), bytes);
    IOException e = assertThrows(IOException.class, () -> ModelRegistry.load(other, ModelRegistry.defaultLoaders()));
    assertTrue(e.getMessage().contains("broken.spf") && e.getMessage().contains("checksum"), e.getMessage());
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
