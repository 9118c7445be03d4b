package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every case in {@code sacrebleu_cases.json} against the numbers real sacreBLEU 2.6.0
 * produced for it. The fixture, inputs and expected outputs, was written by {@code
 * bench/bleu/compare_sacrebleu.py} running sacreBLEU; nothing in it comes from this code.
 */
class BleuSacrebleuParityTest {
  @SuppressWarnings("unchecked")
  static Stream<Map<String, Object>> cases() throws IOException {
    String text;
    try (InputStream in = BleuSacrebleuParityTest.class.getResourceAsStream("sacrebleu_cases.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, Object> root = (Map<String, Object>) MiniJson.parse(text);
    assertEquals(BleuConfig.SACREBLEU_VERSION, root.get("sacrebleu_version"));
    List<Map<String, Object>> cases = (List<Map<String, Object>>) root.get("cases");
    assertTrue(cases.size() > 400, "fixture has " + cases.size() + " cases");
    return cases.stream();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void matchesSacrebleu(Map<String, Object> c) {
    boolean sentence = c.get("kind").equals("sentence");
    BleuConfig config = config((Map<String, Object>) c.get("config"), sentence);
    List<String> hyps = (List<String>) c.get("hyps");
    List<List<String>> refs = (List<List<String>>) c.get("refs");
    Bleu bleu = new Bleu(config);
    BleuScore got =
        sentence
            ? bleu.sentenceScore(hyps.get(0), refs.stream().map(r -> r.get(0)).toList())
            : bleu.corpusScore(hyps, refs);
    Map<String, Object> e = (Map<String, Object>) c.get("expected");
    String id = (String) c.get("id");
    assertEquals(num(e.get("score")), got.score(), 1e-9, id + " score");
    assertEquals(num(e.get("bp")), got.bp(), 1e-12, id + " bp");
    assertEquals((long) num(e.get("sys_len")), got.sysLen(), id + " sys_len");
    assertEquals((long) num(e.get("ref_len")), got.refLen(), id + " ref_len");
    List<Object> counts = (List<Object>) e.get("counts");
    List<Object> totals = (List<Object>) e.get("totals");
    List<Object> precisions = (List<Object>) e.get("precisions");
    assertEquals(config.maxOrder(), counts.size(), id + " orders");
    for (int i = 0; i < config.maxOrder(); i++) {
      assertEquals(num(counts.get(i)), got.counts()[i], 0.0, id + " counts " + i);
      assertEquals(num(totals.get(i)), got.totals()[i], 0.0, id + " totals " + i);
      assertEquals(num(precisions.get(i)), got.precisions()[i], 1e-9, id + " precision " + i);
    }
    assertEquals(e.get("signature"), got.signature(), id + " signature");
    assertEquals(e.get("line"), got.format(2), id + " formatted line");
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  private static BleuConfig config(Map<String, Object> c, boolean sentence) {
    BleuConfig cfg = sentence ? BleuConfig.sentenceDefaults() : BleuConfig.corpusDefaults();
    if (c.containsKey("tokenize")) {
      cfg = cfg.withTokenizer(BleuTokenizer.fromName((String) c.get("tokenize")));
    }
    if (c.containsKey("lowercase")) {
      cfg = cfg.withLowercase((Boolean) c.get("lowercase"));
    }
    if (c.containsKey("smooth_method")) {
      SmoothMethod m = SmoothMethod.fromName((String) c.get("smooth_method"));
      Object v = c.get("smooth_value");
      cfg = v == null ? cfg.withSmooth(m) : cfg.withSmooth(m, num(v));
    }
    if (c.containsKey("effective_order")) {
      cfg = cfg.withEffectiveOrder((Boolean) c.get("effective_order"));
    }
    if (c.containsKey("max_ngram_order")) {
      cfg = cfg.withMaxOrder((int) num(c.get("max_ngram_order")));
    }
    return cfg;
  }
}
