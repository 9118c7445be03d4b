package org.seqlab.embeddings.debias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.WordVectors;

class HardDebiasTest {
  @TempDir Path dir;

  /** A planted gender direction e0: each definitional pair is a mirror image through e0 = 0. */
  static WordVectors planted() {
    List<String> w = new ArrayList<>();
    List<float[]> r = new ArrayList<>();
    add(w, r, "she", 1, 0.5f, 0.2f, 0, 0, 0);
    add(w, r, "he", -1, 0.5f, 0.2f, 0, 0, 0);
    add(w, r, "woman", 0.8f, 0, 0.6f, 0.1f, 0, 0);
    add(w, r, "man", -0.8f, 0, 0.6f, 0.1f, 0, 0);
    add(w, r, "girl", 0.9f, 0.1f, 0, 0, 0.4f, 0);
    add(w, r, "boy", -0.9f, 0.1f, 0, 0, 0.4f, 0);
    add(w, r, "nurse", 0.3f, 0, 0, 1, 0.2f, 0);
    add(w, r, "engineer", -0.2f, 0, 0, 0.1f, 1, 0.5f);
    add(w, r, "king", -0.5f, 0, 0, 0, 0.3f, 1);
    add(w, r, "queen", 0.6f, 0.2f, 0, 0, 0.3f, 1);
    add(w, r, "Spokesman", -0.4f, 0, 1, 0, 0, 0.2f);
    add(w, r, "Spokeswoman", 0.1f, 0, 1, 0.3f, 0, 0.2f);
    float[] m = new float[w.size() * 6];
    for (int i = 0; i < r.size(); i++) {
      System.arraycopy(r.get(i), 0, m, i * 6, 6);
    }
    return WordVectors.of(w, m, 6);
  }

  private static void add(List<String> w, List<float[]> r, String word, float... v) {
    w.add(word);
    r.add(v);
  }

  static final List<WordPair> DEFINITIONAL =
      List.of(new WordPair("she", "he"), new WordPair("woman", "man"), new WordPair("girl", "boy"), new WordPair("Mary", "John"));
  static final Set<String> SPECIFIC = Set.of("she", "he", "woman", "man", "girl", "boy", "king", "queen");
  static final List<WordPair> EQUALIZE = List.of(new WordPair("king", "queen"), new WordPair("spokesman", "spokeswoman"));

  @Test
  void subspaceFindsPlantedDirectionOrientedToSheSide() {
    BiasSubspace b = BiasSubspace.fromPairs(planted(), DEFINITIONAL, 1);
    assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0}, b.direction(), 1e-6);
    assertEquals(1.0, b.explainedRatios()[0], 1e-9, "pairs differ only along e0");
    assertEquals(3, b.used().size());
    assertEquals(List.of(new WordPair("Mary", "John")), b.skipped());
    assertEquals(1 / Math.sqrt(1 + 0.25 + 0.04), b.projection(planted(), "she"), 1e-6);
  }

  @Test
  void directBiasByHand() {
    WordVectors v = planted();
    BiasSubspace b = BiasSubspace.fromPairs(v, DEFINITIONAL, 1);
    DirectBias db = DirectBias.of(v, b, List.of("nurse", "engineer", "astronaut"), 1);
    double nurse = 0.3 / Math.sqrt(0.09 + 1 + 0.04);
    double engineer = 0.2 / Math.sqrt(0.04 + 0.01 + 1 + 0.25);
    assertEquals((nurse + engineer) / 2, db.value(), 1e-6);
    assertEquals(2, db.words());
    assertEquals(1, db.missing());
    assertEquals((nurse * nurse + engineer * engineer) / 2, DirectBias.of(v, b, List.of("nurse", "engineer"), 2).value(), 1e-6);
  }

  @Test
  void neutralizeAndEqualize() {
    WordVectors v = planted();
    BiasSubspace b = BiasSubspace.fromPairs(v, DEFINITIONAL, 1);
    HardDebias.Result r = HardDebias.apply(v, b, SPECIFIC, EQUALIZE);
    WordVectors out = r.vectors();
    assertEquals(v.words(), out.words());
    assertEquals(4, r.neutralized(), "nurse, engineer, Spokesman, Spokeswoman");
    assertEquals(List.of(new WordPair("king", "queen"), new WordPair("Spokesman", "Spokeswoman")), r.equalized());
    for (int i = 0; i < out.size(); i++) {
      assertEquals(1.0, out.norm(i), 1e-6, "unit length: " + out.word(i));
    }
    // neutralized words have no gender component left
    assertEquals(0.0, b.projection(out, "nurse"), 1e-6);
    assertEquals(0.0, b.projection(out, "engineer"), 1e-6);
    DirectBias after = DirectBias.of(out, b, List.of("nurse", "engineer"), 1);
    assertEquals(0.0, after.value(), 1e-6);
    // gender-specific words outside the equalize pairs keep their (unit) vectors
    assertArrayEquals(v.unitVector(0), out.vector("she"), 1e-6f);
    // equalized pairs: mirror images through e0 = 0, equidistant from neutral words
    for (WordPair p : r.equalized()) {
      float[] a = out.vector(p.first());
      float[] c = out.vector(p.second());
      assertEquals(-a[0], c[0], 1e-6, p.toString());
      for (int d = 1; d < 6; d++) {
        assertEquals(a[d], c[d], 1e-6, p + " component " + d);
      }
      for (String neutral : List.of("nurse", "engineer")) {
        assertEquals(out.similarity(p.first(), neutral), out.similarity(p.second(), neutral), 1e-6);
      }
    }
    // king/queen by the formula: nu = the non-gender part of the mean of the unit vectors
    double[] k = BiasSubspace.unit(v, "king");
    double[] q = BiasSubspace.unit(v, "queen");
    double nu2 = 0;
    for (int d = 1; d < 6; d++) {
      double mu = (k[d] + q[d]) / 2;
      nu2 += mu * mu;
      assertEquals(mu, out.vector("queen")[d], 1e-6);
    }
    assertEquals(Math.sqrt(1 - nu2), out.vector("queen")[0], 1e-6, "queen on the she side");
    assertEquals(-Math.sqrt(1 - nu2), out.vector("king")[0], 1e-6);
    assertTrue(r.signature().startsWith("debias|hard|k:1|pairs:3|"), r.signature());
  }

  @Test
  void pythonTitleCase() {
    assertEquals("Catholic_Priest", HardDebias.title("catholic_priest"));
    assertEquals("They'Re", HardDebias.title("they're"));
    assertEquals("Mom", HardDebias.title("mOM"));
    assertEquals(
        Set.of(new WordPair("dad", "mom"), new WordPair("Dad", "Mom"), new WordPair("DAD", "MOM")),
        HardDebias.caseVariants(List.of(new WordPair("Dad", "Mom"))));
  }

  @Test
  void readsWordListsAndNamesBadFiles() throws IOException {
    Files.writeString(dir.resolve(DebiasWordLists.DEFINITIONAL), "[[\"woman\", \"man\"], [\"she\", \"he\"]]", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(DebiasWordLists.EQUALIZE), "[[\"Dad\", \"Mom\"]]", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(DebiasWordLists.GENDER_SPECIFIC), "[\"he\", \"she\", \"he\"]", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(DebiasWordLists.PROFESSIONS), "[[\"actor\", 0.8, 0.0], [\"nurse\", -0.1, -0.9]]", StandardCharsets.UTF_8);
    DebiasWordLists l = DebiasWordLists.read(dir);
    assertEquals(List.of(new WordPair("woman", "man"), new WordPair("she", "he")), l.definitional());
    assertEquals(Set.of("he", "she"), l.genderSpecific());
    assertEquals(new DebiasWordLists.Profession("nurse", -0.1, -0.9), l.professions().get(1));
    Files.writeString(dir.resolve(DebiasWordLists.EQUALIZE), "[[\"Dad\", \"Mom\"],\n [\"x\"]]", StandardCharsets.UTF_8);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> DebiasWordLists.read(dir));
    assertTrue(e.getMessage().contains(DebiasWordLists.EQUALIZE) && e.getMessage().contains("element 1"), e.getMessage());
    Files.writeString(dir.resolve(DebiasWordLists.EQUALIZE), "[[\"Dad\", \"Mom\"],\n oops", StandardCharsets.UTF_8);
    e = assertThrows(CorpusFormatException.class, () -> DebiasWordLists.read(dir));
    assertTrue(e.getMessage().contains(DebiasWordLists.EQUALIZE + ":2"), e.getMessage());
  }
}
