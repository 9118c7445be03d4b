package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every case in {@code sacrebleu_cases.json} against the numbers real sacreBLEU 2.6.0
 * produced for it (the fixture and its inputs come from {@code bench/bleu/compare_sacrebleu.py}).
 */
class BleuSacrebleuParityTest {
  static Stream<JsonNode> cases() throws Exception {
    try (InputStream in = BleuSacrebleuParityTest.class.getResourceAsStream("sacrebleu_cases.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      assertEquals(BleuConfig.SACREBLEU_VERSION, root.get("sacrebleu_version").asText());
      List<JsonNode> out = new ArrayList<>();
      root.get("cases").forEach(out::add);
      assertTrue(out.size() > 400);
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void matchesSacrebleu(JsonNode c) {
    boolean sentence = c.get("kind").asText().equals("sentence");
    BleuConfig config = config(c.get("config"), sentence);
    List<String> hyps = new ArrayList<>();
    c.get("hyps").forEach(h -> hyps.add(h.asText()));
    List<List<String>> refs = new ArrayList<>();
    for (JsonNode stream : c.get("refs")) {
      List<String> s = new ArrayList<>();
      stream.forEach(r -> s.add(r.isNull() ? null : r.asText()));
      refs.add(s);
    }
    Bleu bleu = new Bleu(config);
    BleuScore got =
        sentence
            ? bleu.sentenceScore(hyps.get(0), refs.stream().map(r -> r.get(0)).toList())
            : bleu.corpusScore(hyps, refs);
    JsonNode e = c.get("expected");
    String id = c.get("id").asText();
    assertEquals(e.get("score").asDouble(), got.score(), 1e-9, id + " score");
    assertEquals(e.get("bp").asDouble(), got.bp(), 1e-12, id + " bp");
    assertEquals(e.get("sys_len").asLong(), got.sysLen(), id + " sys_len");
    assertEquals(e.get("ref_len").asLong(), got.refLen(), id + " ref_len");
    for (int i = 0; i < config.maxOrder(); i++) {
      assertEquals(e.get("counts").get(i).asDouble(), got.counts()[i], 0.0, id + " counts " + i);
      assertEquals(e.get("totals").get(i).asDouble(), got.totals()[i], 0.0, id + " totals " + i);
      assertEquals(e.get("precisions").get(i).asDouble(), got.precisions()[i], 1e-9, id + " prec " + i);
    }
    assertEquals(e.get("signature").asText(), got.signature(), id + " signature");
    assertEquals(e.get("line").asText(), got.format(2), id + " formatted line");
  }

  private static BleuConfig config(JsonNode c, boolean sentence) {
    BleuConfig cfg = sentence ? BleuConfig.sentenceDefaults() : BleuConfig.corpusDefaults();
    if (c.has("tokenize")) {
      cfg = cfg.withTokenizer(BleuTokenizer.fromName(c.get("tokenize").asText()));
    }
    if (c.has("lowercase")) {
      cfg = cfg.withLowercase(c.get("lowercase").asBoolean());
    }
    if (c.has("smooth_method")) {
      SmoothMethod m = SmoothMethod.fromName(c.get("smooth_method").asText());
      JsonNode v = c.get("smooth_value");
      cfg = v == null || v.isNull() ? cfg.withSmooth(m) : cfg.withSmooth(m, v.asDouble());
    }
    if (c.has("effective_order")) {
      cfg = cfg.withEffectiveOrder(c.get("effective_order").asBoolean());
    }
    if (c.has("max_ngram_order")) {
      cfg = cfg.withMaxOrder(c.get("max_ngram_order").asInt());
    }
    return cfg;
  }
}
