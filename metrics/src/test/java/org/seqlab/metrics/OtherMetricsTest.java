package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OtherMetricsTest {
  @Test
  void editDistanceByHand() {
    assertEquals(3, EditDistance.distance("kitten", "sitting")); // k->s, e->i, +g
    assertEquals(0, EditDistance.distance("", ""));
    assertEquals(4, EditDistance.distance("", "abcd"));
    EditDistance.Alignment a = EditDistance.align(List.of("a", "b", "c", "d"), List.of("a", "x", "c"));
    assertEquals(new EditDistance.Alignment(1, 1, 0), a); // b->x, d deleted
  }

  @Test
  void werIsSummedOverTheCorpus() {
    // sentence 1: 1 substitution of 4 words; sentence 2: 2 insertions against 1 word -> 3 / 5
    ErrorRate wer = ErrorRate.wer(List.of("the cat sat down", "hi"), List.of("the cat sat up", "hi there you"));
    assertEquals(new ErrorRate(1, 0, 2, 5), wer);
    assertEquals(0.6, wer.rate(), 1e-15);
    ErrorRate cer = ErrorRate.cer(List.of("abc"), List.of("abd"));
    assertEquals(1.0 / 3, cer.rate(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> ErrorRate.wer(List.of("a"), List.of()));
  }

  @Test
  void perplexityAndBits() {
    Perplexity p = new Perplexity(4 * Math.log(2), 2); // 2 tokens, each with probability 1/4
    assertEquals(4.0, p.perplexity(), 1e-12);
    assertEquals(2.0, p.bitsPerToken(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new Perplexity(-1, 1));
  }

  @Test
  void accuracy() {
    assertEquals(0.75, Accuracy.of(new int[] {1, 2, 3, 4}, new int[] {1, 2, 3, 0}).value(), 0);
  }

  @Test
  void conllevalChunkRules() {
    // IOB1: I- after O starts a chunk; B- separates adjacent chunks of the same type.
    assertEquals(
        List.of(new SpanF1.Span("PER", 0, 2), new SpanF1.Span("PER", 2, 3), new SpanF1.Span("LOC", 4, 5)),
        SpanF1.spans(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC")));
    // a type change inside a run ends the chunk
    assertEquals(
        List.of(new SpanF1.Span("PER", 0, 1), new SpanF1.Span("ORG", 1, 2)),
        SpanF1.spans(List.of("B-PER", "I-ORG")));
  }

  @Test
  void spanF1CountsExactMatchesOnly() {
    List<List<String>> gold = List.of(List.of("B-PER", "I-PER", "O", "B-LOC"), List.of("B-ORG"));
    List<List<String>> pred = List.of(List.of("B-PER", "O", "O", "B-LOC"), List.of("B-ORG"));
    SpanF1.Result r = SpanF1.evaluate(gold, pred);
    // predicted PER [0,1) != gold PER [0,2); LOC and ORG correct: P = 2/3, R = 2/3
    assertEquals(new SpanF1.Prf(2, 3, 3), r.overall());
    assertEquals(2.0 / 3, r.overall().f1(), 1e-15);
    assertEquals(0.0, r.byType().get("PER").f1(), 0);
    assertThrows(IllegalArgumentException.class, () -> SpanF1.spans(List.of("X-PER")));
  }
}
