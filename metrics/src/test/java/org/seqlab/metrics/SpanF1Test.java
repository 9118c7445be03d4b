package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpanF1Test {
  @Test
  void iob1ChunkRules() {
    // I- after O starts a chunk; B- after I- of the same type separates two chunks
    assertEquals(
        List.of(new SpanF1.Span("PER", 0, 2), new SpanF1.Span("PER", 2, 3), new SpanF1.Span("LOC", 4, 5)),
        SpanF1.spans(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC")));
    // a type change inside a run ends one chunk and starts another, with or without B-
    assertEquals(
        List.of(new SpanF1.Span("PER", 0, 1), new SpanF1.Span("ORG", 1, 3)),
        SpanF1.spans(List.of("B-PER", "I-ORG", "I-ORG")));
    assertEquals(
        List.of(new SpanF1.Span("PER", 0, 2), new SpanF1.Span("ORG", 2, 3)),
        SpanF1.spans(List.of("I-PER", "I-PER", "B-ORG")));
    // B- B- gives two one-token chunks; a chunk running to the end is closed
    assertEquals(
        List.of(new SpanF1.Span("X", 0, 1), new SpanF1.Span("X", 1, 2), new SpanF1.Span("Y", 3, 5)),
        SpanF1.spans(List.of("B-X", "B-X", "O", "B-Y", "I-Y")));
    // the type is everything after the first dash
    assertEquals(List.of(new SpanF1.Span("MISC-x", 0, 1)), SpanF1.spans(List.of("B-MISC-x")));
    assertEquals(List.of(), SpanF1.spans(List.of("O", "O")));
  }

  @Test
  void exactMatchesOnlyPerTypeAndMicro() {
    List<List<String>> gold = List.of(List.of("B-PER", "I-PER", "O", "B-LOC"), List.of("B-ORG"));
    List<List<String>> pred = List.of(List.of("B-PER", "O", "O", "B-LOC"), List.of("B-ORG"));
    SpanF1.Result r = SpanF1.evaluate(gold, pred);
    // predicted PER [0,1) != gold PER [0,2); LOC and ORG correct: P = 2/3, R = 2/3
    assertEquals(new SpanF1.Prf(2, 3, 3), r.overall());
    assertEquals(2.0 / 3, r.overall().f1(), 1e-15);
    assertEquals(new SpanF1.Prf(0, 1, 1), r.byType().get("PER"));
    assertEquals(0.0, r.byType().get("PER").f1(), 0);
    // IOB1 and IOB2 spellings of the same chunks score 100%
    SpanF1.Result same =
        SpanF1.evaluate(List.of(List.of("I-A", "I-A", "O", "I-B")), List.of(List.of("B-A", "I-A", "O", "B-B")));
    assertEquals(1.0, same.overall().f1(), 0);
  }

  @Test
  void badTagsAndShapes() {
    assertThrows(IllegalArgumentException.class, () -> SpanF1.spans(List.of("X-PER")));
    assertThrows(IllegalArgumentException.class, () -> SpanF1.spans(List.of("E-PER")));
    assertThrows(IllegalArgumentException.class, () -> SpanF1.spans(List.of("BPER")));
    assertThrows(
        IllegalArgumentException.class,
        () -> SpanF1.evaluate(List.of(List.of("O")), List.of(List.of("O", "O"))));
    assertThrows(IllegalArgumentException.class, () -> SpanF1.evaluate(List.of(List.of("O")), List.of()));
  }

  /**
   * conlleval's streaming counter (the Perl script's main loop), written out as an independent
   * oracle: it never builds spans; it counts chunk starts and tracks whether the gold and guessed
   * chunks that started together are still in step. Sentence breaks are fed as "O" / "O".
   */
  private static final class Conlleval {
    final Map<String, long[]> byType = new HashMap<>(); // correct, guessed, gold
    final long[] all = new long[3];
    private boolean inCorrect;
    private String lastC = "O";
    private String lastG = "O";
    private String lastCT = "";
    private String lastGT = "";

    void token(String correctTag, String guessedTag) {
      String c = prefix(correctTag);
      String ct = type(correctTag);
      String g = prefix(guessedTag);
      String gt = type(guessedTag);
      boolean endC = endOfChunk(lastC, c, lastCT, ct);
      boolean endG = endOfChunk(lastG, g, lastGT, gt);
      if (inCorrect) {
        if (endC && endG && lastGT.equals(lastCT)) {
          inCorrect = false;
          count(lastCT, 0);
        } else if (endC != endG || !gt.equals(ct)) {
          inCorrect = false;
        }
      }
      boolean startC = startOfChunk(lastC, c, lastCT, ct);
      boolean startG = startOfChunk(lastG, g, lastGT, gt);
      if (startC && startG && gt.equals(ct)) {
        inCorrect = true;
      }
      if (startC) {
        count(ct, 2);
      }
      if (startG) {
        count(gt, 1);
      }
      lastC = c;
      lastG = g;
      lastCT = ct;
      lastGT = gt;
    }

    void finish() {
      if (inCorrect) {
        count(lastCT, 0);
      }
    }

    private void count(String type, int k) {
      byType.computeIfAbsent(type, t -> new long[3])[k]++;
      all[k]++;
    }

    private static String prefix(String tag) {
      int d = tag.indexOf('-');
      return d < 0 ? tag : tag.substring(0, d);
    }

    private static String type(String tag) {
      int d = tag.indexOf('-');
      return d < 0 ? "" : tag.substring(d + 1);
    }

    private static boolean endOfChunk(String prev, String tag, String prevType, String type) {
      boolean end =
          (prev.equals("B") && tag.equals("B"))
              || (prev.equals("B") && tag.equals("O"))
              || (prev.equals("I") && tag.equals("B"))
              || (prev.equals("I") && tag.equals("O"));
      return end || (!prev.equals("O") && !prevType.equals(type));
    }

    private static boolean startOfChunk(String prev, String tag, String prevType, String type) {
      boolean start =
          (prev.equals("B") && tag.equals("B"))
              || (prev.equals("I") && tag.equals("B"))
              || (prev.equals("O") && tag.equals("B"))
              || (prev.equals("O") && tag.equals("I"));
      return start || (!tag.equals("O") && !prevType.equals(type));
    }
  }

  @Test
  void agreesWithConllevalsStreamingCounterOnRandomTags() {
    String[] tags = {"O", "O", "B-A", "I-A", "B-B", "I-B", "I-C"};
    SplittableRandom rng = new SplittableRandom(2003);
    for (int trial = 0; trial < 500; trial++) {
      List<List<String>> gold = new ArrayList<>();
      List<List<String>> pred = new ArrayList<>();
      Conlleval oracle = new Conlleval();
      int sentences = rng.nextInt(1, 6);
      for (int s = 0; s < sentences; s++) {
        List<String> g = new ArrayList<>();
        List<String> p = new ArrayList<>();
        int len = rng.nextInt(0, 12);
        for (int i = 0; i < len; i++) {
          g.add(tags[rng.nextInt(tags.length)]);
          // predictions mostly copy gold so that many chunks match
          p.add(rng.nextInt(3) == 0 ? tags[rng.nextInt(tags.length)] : g.get(i));
          oracle.token(g.get(i), p.get(i));
        }
        oracle.token("O", "O"); // sentence break
        gold.add(g);
        pred.add(p);
      }
      oracle.finish();
      SpanF1.Result r = SpanF1.evaluate(gold, pred);
      String where = "trial " + trial + " gold " + gold + " pred " + pred;
      assertEquals(new SpanF1.Prf(oracle.all[0], oracle.all[1], oracle.all[2]), r.overall(), where);
      for (Map.Entry<String, long[]> e : oracle.byType.entrySet()) {
        long[] c = e.getValue();
        assertEquals(new SpanF1.Prf(c[0], c[1], c[2]), r.byType().get(e.getKey()), where);
      }
      assertEquals(oracle.byType.keySet(), r.byType().keySet(), where);
    }
  }
}
