package org.seqlab.embeddings.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlab.embeddings.Fixtures;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.debias.WordPair;

class AntonymRepulsionTest {
  // hot and cold share most of their direction (cos 0.95), as distributional vectors put them;
  // up and down are already opposed; tea has no antonym; lengths differ on purpose
  static final List<String> WORDS = List.of("hot", "cold", "up", "down", "tea");
  static final float[] M = {
    2, 0.2f, 0.6f, 0, 1, 0, 0.35f, 0.05f, 0, 1, 0, 0, -1, -0.1f, 0, 0, 0, 3, 0, 0.5f,
  };

  WordVectors vectors() {
    return WordVectors.of(WORDS, M, 4);
  }

  @Test
  void closeAntonymsArePushedToTheMarginAndNothingElseMoves() {
    WordVectors v = vectors();
    double before = v.similarity("hot", "cold");
    assertTrue(before > 0.9, "fixture: " + before);
    AntonymRepulsion.Result r = AntonymRepulsion.apply(v,
        List.of(new WordPair("hot", "cold"), new WordPair("down", "up"), new WordPair("cold", "hot"), new WordPair("tea", "coffee")),
        AntonymRepulsion.Config.defaults());
    WordVectors after = r.vectors();
    double cos = after.similarity("hot", "cold");
    assertTrue(Math.abs(cos) < 0.1, "cos(hot, cold) after: " + cos);
    assertEquals(List.of(new WordPair("hot", "cold"), new WordPair("up", "down")), r.pairs()); // deduplicated, in row order
    assertEquals(1, r.skipped()); // coffee is not in the table
    assertEquals(4, r.moved());
    assertEquals(1, r.aboveBefore());
    assertEquals(List.of("hot", "cold", "up", "down", "tea"), after.words());
    // a word without a pair is untouched, bit for bit; up/down had nothing to push, so they barely move
    assertArrayEquals(v.vector("tea"), after.vector("tea"));
    assertArrayEquals(v.vector("up"), after.vector("up"), 1e-6f);
    assertArrayEquals(v.vector("down"), after.vector("down"), 1e-6f);
    // every moved word keeps its length
    for (int i = 0; i < 4; i++) {
      assertEquals(v.norm(i), after.norm(i), 1e-5 * v.norm(i), WORDS.get(i));
    }
    // the anchor keeps each direction close to where it was: hot and cold part symmetrically
    double hot = Fixtures.cosine(v.vector("hot"), after.vector("hot"));
    double cold = Fixtures.cosine(v.vector("cold"), after.vector("cold"));
    assertTrue(hot > 0.6 && cold > 0.6 && Math.abs(hot - cold) < 0.05, hot + " " + cold);
    assertTrue(r.signature().startsWith("repel|it:200|lr:0.1|anchor:1.0|margin:0.0|pairs:2"), r.signature());
  }

  @Test
  void withoutAnchorThePushStopsAtTheMargin() {
    AntonymRepulsion.Result r = AntonymRepulsion.apply(vectors(), List.of(new WordPair("hot", "cold")),
        new AntonymRepulsion.Config(500, 0.05, 0, 0.3));
    double cos = r.vectors().similarity("hot", "cold");
    assertTrue(cos <= 0.3 && cos > 0.2, "stops within one step of the margin: " + cos);
    assertEquals(0, r.aboveAfter());
  }

  @Test
  void deterministicAndIndependentOfPairOrder() {
    WordVectors v = Fixtures.random(50, 8, 3);
    List<WordPair> pairs = List.of(new WordPair("w1", "w2"), new WordPair("w3", "w1"), new WordPair("w7", "w9"));
    float[] a = AntonymRepulsion.apply(v, pairs, AntonymRepulsion.Config.defaults()).vectors().matrix();
    float[] b = AntonymRepulsion.apply(v, List.of(pairs.get(2), new WordPair("w2", "w1"), pairs.get(1)), AntonymRepulsion.Config.defaults()).vectors().matrix();
    assertArrayEquals(a, b);
  }

  @Test
  void badSettingsAreRefusedByName() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new AntonymRepulsion.Config(0, 0.1, 1, 0)).getMessage().contains("iterations"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new AntonymRepulsion.Config(1, -1, 1, 0)).getMessage().contains("learningRate"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new AntonymRepulsion.Config(1, 0.1, Double.NaN, 0)).getMessage().contains("anchor"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new AntonymRepulsion.Config(1, 0.1, 1, 1)).getMessage().contains("margin"));
  }
}
