package org.seqlab.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;

/**
 * {@code POST /embeddings/nearest} and {@code POST /embeddings/analogy} over the loaded word vectors
 * (exact cosine search; {@link WordVectors} is immutable, so concurrent requests share it).
 */
final class EmbeddingEndpoints {
  static final int MAX_K = 1000;
  static final int MAX_WORDS = 1000;

  private EmbeddingEndpoints() {}

  static void register(SeqlabServer s, ModelRegistry models, SeqlabServer.Config config) {
    s.route("POST", "/embeddings/nearest", config.maxJsonBytes(), r -> nearest(models, r.json(SeqlabServer.JSON)));
    s.route("POST", "/embeddings/analogy", config.maxJsonBytes(), r -> analogy(models, r.json(SeqlabServer.JSON)));
  }

  private static ServedModel vectors(ModelRegistry models, JsonNode o) {
    return models.get(ServedModel.Kind.EMBEDDINGS, Request.optText(o, "model", null));
  }

  /** Restricted tables already built, by model name and size (copies of the top rows, so kept). */
  private static final Map<String, WordVectors> RESTRICTED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 16;

  /** The table restricted to the top {@code restrict} words when the request asks for it. */
  private static WordVectors restricted(ServedModel m, JsonNode o) {
    WordVectors v = m.as(WordVectors.class);
    int restrict = Request.optInt(o, "restrict", 0, 0, Integer.MAX_VALUE);
    if (restrict == 0 || restrict >= v.size()) {
      return v;
    }
    String key = m.path() + "#" + restrict;
    WordVectors cached = RESTRICTED.get(key);
    if (cached != null) {
      return cached;
    }
    WordVectors r = v.restrictTo(restrict);
    if (RESTRICTED.size() < MAX_CACHED) {
      RESTRICTED.putIfAbsent(key, r);
    }
    return r;
  }

  private static void requireKnown(WordVectors v, List<String> words, String model) {
    List<String> unknown = new ArrayList<>();
    for (String w : words) {
      if (!v.contains(w)) {
        unknown.add(w);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.unprocessable((unknown.size() == 1 ? "unknown word " : "unknown words ")
          + unknown + " (not in the " + v.size() + "-word vocabulary of '" + model + "')");
    }
  }

  /** {@code {"model"?, "word": w | "words": [...], "k": 10, "restrict": 0}}. */
  static JsonNode nearest(ModelRegistry models, JsonNode o) {
    ServedModel m = vectors(models, o);
    List<String> words = o.has("words") ? Request.texts(o, "words", MAX_WORDS, false) : List.of(Request.text(o, "word"));
    int k = Request.optInt(o, "k", 10, 1, MAX_K);
    WordVectors v = restricted(m, o);
    requireKnown(v, words, m.name());
    ObjectNode out = SeqlabServer.JSON.createObjectNode();
    out.put("model", m.name());
    out.put("k", k);
    ArrayNode results = out.putArray("results");
    for (String w : words) {
      ObjectNode e = results.addObject();
      e.put("word", w);
      neighbours(e.putArray("neighbors"), v.nearest(w, k), "similarity");
    }
    return out;
  }

  /** {@code {"model"?, "a", "b", "c", "k": 5, "method": "cosadd" | "cosmul", "restrict": 0}}: a : b :: c : ?. */
  static JsonNode analogy(ModelRegistry models, JsonNode o) {
    ServedModel m = vectors(models, o);
    String a = Request.text(o, "a");
    String b = Request.text(o, "b");
    String c = Request.text(o, "c");
    int k = Request.optInt(o, "k", 5, 1, MAX_K);
    String methodName = Request.optText(o, "method", "cosadd").toLowerCase(Locale.ROOT);
    AnalogyMethod method = switch (methodName) {
      case "cosadd", "3cosadd" -> AnalogyMethod.COS_ADD;
      case "cosmul", "3cosmul" -> AnalogyMethod.COS_MUL;
      default -> throw ApiException.badRequest("field 'method' must be cosadd or cosmul, got '" + methodName + "'");
    };
    WordVectors v = restricted(m, o);
    requireKnown(v, List.of(a, b, c), m.name());
    ObjectNode out = SeqlabServer.JSON.createObjectNode();
    out.put("model", m.name());
    out.put("method", method == AnalogyMethod.COS_ADD ? "cosadd" : "cosmul");
    out.put("query", a + " : " + b + " :: " + c + " : ?");
    neighbours(out.putArray("answers"), v.analogy(a, b, c, k, method), "score");
    return out;
  }

  private static void neighbours(ArrayNode a, List<Neighbor> ns, String scoreName) {
    for (Neighbor n : ns) {
      ObjectNode e = a.addObject();
      e.put("word", n.word());
      e.put(scoreName, n.similarity());
    }
  }
}
