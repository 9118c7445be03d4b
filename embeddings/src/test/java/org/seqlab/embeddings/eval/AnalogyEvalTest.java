package org.seqlab.embeddings.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.Fixtures;
import org.seqlab.embeddings.WordVectors;

class AnalogyEvalTest {
  @TempDir Path dir;

  /** man, woman, king = man + royal, queen = woman + royal, a distractor prince and an unrelated word. */
  static WordVectors royals() {
    List<String> words = List.of("man", "woman", "king", "queen", "royal", "prince", "apple");
    float[] m = {
      1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0.9f, 0.1f, 1, 0.2f, 0, 0, 0, 1
    };
    return WordVectors.of(words, m, 4);
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void handCheckedCounts() throws IOException {
    Path q =
        write(
            "q.txt",
            ": capital-common-countries\n"
                + "man king woman queen\n" // right
                + "man king woman prince\n" // wrong: the answer is queen
                + "MAN KING WOMAN QUEEN\n" // right, case-insensitive
                + "man king woman unicorn\n" // skipped: unicorn is OOV
                + "man king woman\n" // invalid line
                + ": gram1-test\n"
                + "man woman king queen\n"); // right
    for (AnalogyMethod m : AnalogyMethod.values()) {
      AnalogyResult r = AnalogyEval.evaluate(royals(), q, 30000, m);
      assertEquals(2, r.sections().size());
      assertEquals(new SectionScore("capital-common-countries", 2, 3, 1), r.sections().get(0));
      assertEquals(new SectionScore("gram1-test", 1, 1, 0), r.sections().get(1));
      assertEquals(new SectionScore("semantic", 2, 3, 1), r.semantic());
      assertEquals(new SectionScore("syntactic", 1, 1, 0), r.syntactic());
      assertEquals(new SectionScore("total", 3, 4, 1), r.total());
      assertEquals(0.75, r.total().accuracy(), 1e-12);
      assertEquals(1, r.invalidLines());
      assertEquals(0.2, r.oovRatio(), 1e-12);
    }
    // Restricting to the 3 most frequent words drops queen: every question is skipped.
    AnalogyResult r3 = AnalogyEval.evaluate(royals(), q, 3, AnalogyMethod.COS_ADD);
    assertEquals(new SectionScore("total", 0, 0, 5), r3.total());
    assertTrue(Double.isNaN(r3.total().accuracy()));
    assertEquals("analogy|method:3cosadd|restrict:3|case:fold|v:1", r3.signature());
  }

  @Test
  void questionBeforeHeaderIsAFormatError() throws IOException {
    Path q = write("bad.txt", "man king woman queen\n");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> AnalogyQuestions.read(q));
    assertTrue(e.getMessage().startsWith(q + ":1:"), e.getMessage());
  }

  @Test
  void invalidUtf8NamesLine() throws IOException {
    Path q = dir.resolve("latin1.txt");
    Files.write(q, new byte[] {':', ' ', 'a', '\n', 'b', ' ', (byte) 0xE9, ' ', 'c', ' ', 'd', '\n'});
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> AnalogyQuestions.read(q));
    assertTrue(e.getMessage().contains(":2"), e.getMessage());
  }

  /** Planted relations with noise: AnalogyEval must agree with a direct double-precision reference. */
  @Test
  void agreesWithBruteForceReference() {
    SplittableRandom rnd = new SplittableRandom(2024);
    int pairs = 40;
    int dim = 12;
    List<String> words = new ArrayList<>();
    List<float[]> vecs = new ArrayList<>();
    float[] rel = gaussianVector(rnd, dim, 1.0);
    for (int i = 0; i < pairs; i++) {
      float[] base = gaussianVector(rnd, dim, 1.0);
      float[] noise = gaussianVector(rnd, dim, 0.45);
      float[] head = new float[dim];
      for (int d = 0; d < dim; d++) {
        head[d] = base[d] + rel[d] + noise[d];
      }
      words.add("base" + i);
      vecs.add(base);
      words.add(i % 7 == 0 ? "Head" + i : "head" + i); // some capitalised vocabulary words
      vecs.add(head);
    }
    float[] m = new float[words.size() * dim];
    for (int i = 0; i < vecs.size(); i++) {
      System.arraycopy(vecs.get(i), 0, m, i * dim, dim);
    }
    WordVectors v = WordVectors.of(words, m, dim);
    List<AnalogyQuestions.Question> qs = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      for (int j = 0; j < pairs; j += 3) {
        if (i != j) {
          qs.add(new AnalogyQuestions.Question("base" + i, "head" + i, "base" + j, "head" + j));
        }
      }
    }
    AnalogyQuestions questions = new AnalogyQuestions(List.of(new AnalogyQuestions.Section("family", qs)), 0);
    for (AnalogyMethod method : AnalogyMethod.values()) {
      for (int restrict : new int[] {80, 50}) {
        AnalogyResult r = AnalogyEval.evaluate(v, questions, restrict, method);
        int[] ref = reference(v, qs, restrict, method);
        assertEquals(ref[0], r.total().correct(), method + " restrict " + restrict);
        assertEquals(ref[1], r.total().total(), method + " restrict " + restrict);
        assertTrue(ref[0] > 0 && ref[0] < ref[1], "the fixture should be neither trivial nor hopeless: " + ref[0]);
      }
    }
  }

  /** {correct, evaluated}: gensim's rule, written out directly with double-precision cosines. */
  private static int[] reference(WordVectors v, List<AnalogyQuestions.Question> qs, int restrict, AnalogyMethod m) {
    int n = Math.min(restrict, v.size());
    Map<String, Integer> ok = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ok.putIfAbsent(v.word(i).toUpperCase(Locale.ROOT), i);
    }
    int correct = 0;
    int used = 0;
    for (AnalogyQuestions.Question q : qs) {
      String[] w = {q.a(), q.b(), q.c(), q.expected()};
      int[] id = new int[4];
      boolean skip = false;
      for (int k = 0; k < 4; k++) {
        Integer x = ok.get(w[k].toUpperCase(Locale.ROOT));
        skip |= x == null;
        id[k] = x == null ? -1 : x;
      }
      if (skip) {
        continue;
      }
      used++;
      Integer[] cand = new Integer[n];
      double[] score = new double[n];
      for (int j = 0; j < n; j++) {
        cand[j] = j;
        double ca = Fixtures.cosine(v.vector(j), v.vector(id[0]));
        double cb = Fixtures.cosine(v.vector(j), v.vector(id[1]));
        double cc = Fixtures.cosine(v.vector(j), v.vector(id[2]));
        score[j] = m == AnalogyMethod.COS_ADD ? cb - ca + cc : (1 + cb) / 2 * (1 + cc) / 2 / ((1 + ca) / 2 + 1e-3);
      }
      Arrays.sort(cand, (x, y) -> Double.compare(score[y], score[x]));
      Set<Integer> queries = Set.of(id[0], id[1], id[2]);
      Set<String> ignore = new HashSet<>();
      for (int k = 0; k < 3; k++) {
        ignore.add(v.word(id[k]).toUpperCase(Locale.ROOT));
      }
      String predicted = null;
      int seen = 0;
      for (int j : cand) {
        if (queries.contains(j) || seen == 5) {
          continue;
        }
        seen++;
        predicted = v.word(j).toUpperCase(Locale.ROOT);
        if (!ignore.contains(predicted)) {
          break;
        }
      }
      if (w[3].toUpperCase(Locale.ROOT).equals(predicted)) {
        correct++;
      }
    }
    return new int[] {correct, used};
  }

  private static float[] gaussianVector(SplittableRandom rnd, int dim, double scale) {
    float[] x = new float[dim];
    for (int d = 0; d < dim; d++) {
      x[d] = (float) (scale * Fixtures.gaussian(rnd));
    }
    return x;
  }
}
