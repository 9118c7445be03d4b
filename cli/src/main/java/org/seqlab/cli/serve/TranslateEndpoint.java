package org.seqlab.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.attention.Segmentation;
import org.seqlab.attention.Seq2SeqModel;
import org.seqlab.attention.Translator;

/**
 * {@code POST /translate}: {@code {"model"?, "text": "..." | "texts": [...], "beam": 5, "alpha": 0.7,
 * "n_best": 1}}. One {@link Translator} (thread-safe) serves all requests for its model. Source
 * tokens outside the model's vocabulary are translated as {@code <unk>} and listed in the answer.
 */
final class TranslateEndpoint {
  static final int MAX_TEXTS = 256;
  static final int MAX_CHARS = 2000;
  static final int MAX_BEAM = 64;

  private TranslateEndpoint() {}

  static void register(SeqlabServer s, ModelRegistry models, SeqlabServer.Config config) {
    s.route("POST", "/translate", config.maxJsonBytes(), r -> translate(models, r.json(SeqlabServer.JSON)));
  }

  static JsonNode translate(ModelRegistry models, JsonNode o) {
    ServedModel m = models.get(ServedModel.Kind.TRANSLATION, Request.optText(o, "model", null));
    List<String> texts = o.has("texts") ? Request.texts(o, "texts", MAX_TEXTS, false) : List.of(Request.text(o, "text"));
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).length() > MAX_CHARS) {
        throw new ApiException(413, "text " + i + " has " + texts.get(i).length() + " characters; at most " + MAX_CHARS);
      }
    }
    int beam = Request.optInt(o, "beam", 5, 1, MAX_BEAM);
    double alpha = Request.optDouble(o, "alpha", 0.7, 0, 10);
    int nBest = Request.optInt(o, "n_best", 1, 1, beam);
    Translator t = m.as(Translator.class);
    Translator.Options opts = (beam == 1 ? Translator.Options.greedy() : Translator.Options.beam(beam, alpha)).withNBest(nBest);
    List<List<Translator.Translation>> out = t.translateNBest(texts, opts);
    ObjectNode res = SeqlabServer.JSON.createObjectNode();
    res.put("model", m.name());
    res.put("options", opts.signature());
    ArrayNode a = res.putArray("translations");
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode e = a.addObject();
      e.put("source", texts.get(i));
      Translator.Translation best = out.get(i).get(0);
      e.put("text", best.text());
      e.put("log_prob", best.logProb());
      e.put("score", best.score());
      ArrayNode unk = e.putArray("unknown_source_tokens");
      unknownTokens(t.model(), texts.get(i)).forEach(unk::add);
      if (nBest > 1) {
        ArrayNode nb = e.putArray("n_best");
        for (Translator.Translation x : out.get(i)) {
          ObjectNode h = nb.addObject();
          h.put("text", x.text());
          h.put("log_prob", x.logProb());
          h.put("score", x.score());
        }
      }
    }
    return res;
  }

  private static List<String> unknownTokens(Seq2SeqModel model, String text) {
    Segmentation seg = model.sourceSegmentation();
    List<String> unknown = new ArrayList<>();
    for (String tok : seg.tokenize(text)) {
      if (!model.sourceVocabulary().contains(tok) && !unknown.contains(tok)) {
        unknown.add(tok);
      }
    }
    return unknown;
  }
}
