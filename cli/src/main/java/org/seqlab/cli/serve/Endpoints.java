package org.seqlab.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.cli.BleuCommand;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;
import org.seqlab.metrics.BleuScore;
import org.seqlab.metrics.BleuTokenizer;
import org.seqlab.metrics.SmoothMethod;

/** The routes of the HTTP API: service routes, BLEU, and the model routes of each kind. */
final class Endpoints {
  /** Most segments one {@code POST /bleu} or one batch of texts may carry. */
  static final int MAX_ITEMS = 100_000;

  private Endpoints() {}

  static void register(SeqlabServer s, ModelRegistry models, SeqlabServer.Config config) {
    long started = System.nanoTime();
    s.route("GET", "/health", 0, r -> {
      ObjectNode o = SeqlabServer.JSON.createObjectNode();
      o.put("status", "ok");
      o.put("models", models.size());
      o.put("uptime_seconds", (System.nanoTime() - started) / 1e9);
      o.put("requests", s.requestCount());
      o.put("pid", ManagementFactory.getRuntimeMXBean().getPid());
      return o;
    });
    s.route("GET", "/models", 0, r -> listModels(models));
    s.route("POST", "/bleu", config.maxJsonBytes(), r -> bleu(r.json(SeqlabServer.JSON)));
    EmbeddingEndpoints.register(s, models, config);
    TranslateEndpoint.register(s, models, config);
    CaptionEndpoint.register(s, models, config);
  }

  private static JsonNode listModels(ModelRegistry models) {
    ObjectNode o = SeqlabServer.JSON.createObjectNode();
    o.put("directory", models.directory().toString());
    ArrayNode a = o.putArray("models");
    for (ServedModel m : models.all()) {
      ObjectNode e = a.addObject();
      e.put("name", m.name());
      e.put("kind", m.kind().label());
      e.put("version", m.version());
      e.put("signature", m.signature());
      e.put("checksum", m.checksum());
      e.put("file", m.path().getFileName().toString());
    }
    return o;
  }

  /**
   * {@code {"hypotheses": [...], "references": [[...], ...] or [...], "tokenize", "smooth",
   * "smooth_value", "lowercase", "effective_order"}}: corpus BLEU as {@code seqlab bleu --format json}.
   */
  static JsonNode bleu(JsonNode o) throws IOException {
    List<String> hyps = Request.texts(o, "hypotheses", MAX_ITEMS, true);
    JsonNode refsNode = o.get("references");
    if (refsNode == null || !refsNode.isArray() || refsNode.isEmpty()) {
      throw ApiException.badRequest("field 'references' must be a non-empty array: one array of strings per reference stream, or one array of strings");
    }
    List<List<String>> refs = new ArrayList<>();
    if (refsNode.get(0).isTextual()) {
      refs.add(Request.texts(o, "references", MAX_ITEMS, true));
    } else {
      for (int i = 0; i < refsNode.size(); i++) {
        ObjectNode holder = SeqlabServer.JSON.createObjectNode();
        holder.set("references[" + i + "]", refsNode.get(i));
        refs.add(Request.texts(holder, "references[" + i + "]", MAX_ITEMS, true));
      }
    }
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i).size() != hyps.size()) {
        throw ApiException.badRequest("reference stream " + i + " has " + refs.get(i).size() + " segments but there are " + hyps.size() + " hypotheses");
      }
    }
    BleuConfig config;
    try {
      config = BleuConfig.corpusDefaults()
          .withTokenizer(BleuTokenizer.fromName(Request.optText(o, "tokenize", "13a")))
          .withLowercase(Request.optBool(o, "lowercase", false))
          .withSmooth(SmoothMethod.fromName(Request.optText(o, "smooth", "exp")), Request.optDouble(o, "smooth_value", Double.NaN, 0, 1e9))
          .withEffectiveOrder(Request.optBool(o, "effective_order", false));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    BleuScore score = new Bleu(config).corpusScore(hyps, refs);
    return SeqlabServer.JSON.readTree(BleuCommand.json(score));
  }
}
