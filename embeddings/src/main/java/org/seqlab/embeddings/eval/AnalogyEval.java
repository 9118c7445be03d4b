package org.seqlab.embeddings.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.TopK;
import org.seqlab.embeddings.WordVectors;

/**
 * Word-analogy accuracy with gensim's {@code evaluate_word_analogies} semantics (also those of
 * word2vec's {@code compute-accuracy vectors.bin 30000}):
 *
 * <ul>
 *   <li>only the {@code restrictTopN} most frequent words take part, as queries and as answers;
 *   <li>words are compared case-insensitively (upper-cased with {@link Locale#ROOT}); when several
 *       vocabulary words fold to the same form, the most frequent one stands for it;
 *   <li>a question with any of its four words outside that vocabulary is skipped and counted;
 *   <li>the answer is the best-scoring word other than a, b and c; as in gensim, the first of the top
 *       5 candidates whose folded form is not one of the query words is taken.
 * </ul>
 *
 * <p>Cosines are computed by the blocked kernel of {@link WordVectors#cosineRows} for the distinct
 * query words of a batch of questions at once; memory stays below about 64 MB per batch.
 */
public final class AnalogyEval {
  /** The version of the evaluation protocol, part of the signature. */
  public static final int VERSION = 1;

  private static final int CANDIDATES = 5;
  private static final long BATCH_FLOATS = 16_000_000L;

  private AnalogyEval() {}

  /** Reads {@code questionsWords} and evaluates it; see {@link #evaluate(WordVectors, AnalogyQuestions, int, AnalogyMethod)}. */
  public static AnalogyResult evaluate(WordVectors v, Path questionsWords, int restrictTopN, AnalogyMethod m)
      throws IOException {
    return evaluate(v, AnalogyQuestions.read(questionsWords), restrictTopN, m);
  }

  /**
   * Evaluates analogy questions.
   *
   * @param v the vectors, most frequent word first
   * @param questions the test set
   * @param restrictTopN how many of the most frequent words take part, {@code >= 1} (30000 is the
   *     usual protocol; larger than the vocabulary means all of it)
   * @param m 3CosAdd or 3CosMul
   */
  public static AnalogyResult evaluate(WordVectors v, AnalogyQuestions questions, int restrictTopN, AnalogyMethod m) {
    if (restrictTopN < 1) {
      throw new IllegalArgumentException("restrictTopN must be >= 1, got " + restrictTopN);
    }
    if (v == null || questions == null || m == null) {
      throw new IllegalArgumentException("vectors, questions and method must not be null");
    }
    int n = Math.min(restrictTopN, v.size());
    String[] folded = new String[n];
    Map<String, Integer> ok = new HashMap<>(2 * n);
    for (int i = n - 1; i >= 0; i--) {
      folded[i] = fold(v.word(i));
      ok.put(folded[i], i);
    }
    Scorer scorer = new Scorer(v, n, folded, m);
    List<SectionScore> scores = new ArrayList<>();
    for (AnalogyQuestions.Section s : questions.sections()) {
      List<int[]> resolved = new ArrayList<>();
      for (AnalogyQuestions.Question q : s.questions()) {
        int[] ids = resolve(q, ok);
        if (ids != null) {
          resolved.add(ids);
        }
      }
      int correct = scorer.countCorrect(resolved);
      scores.add(new SectionScore(s.name(), correct, resolved.size(), s.questions().size() - resolved.size()));
    }
    SectionScore sem = new SectionScore("semantic", 0, 0, 0);
    SectionScore syn = new SectionScore("syntactic", 0, 0, 0);
    for (int i = 0; i < scores.size(); i++) {
      if (questions.sections().get(i).semantic()) {
        sem = sem.plus(scores.get(i), "semantic");
      } else {
        syn = syn.plus(scores.get(i), "syntactic");
      }
    }
    return new AnalogyResult(
        scores, sem, syn, sem.plus(syn, "total"), questions.invalidLines(), signature(m, restrictTopN));
  }

  /** The signature of an evaluation, e.g. {@code analogy|method:3cosadd|restrict:30000|case:fold|v:1}. */
  public static String signature(AnalogyMethod m, int restrictTopN) {
    String method = m == AnalogyMethod.COS_ADD ? "3cosadd" : "3cosmul";
    return "analogy|method:" + method + "|restrict:" + restrictTopN + "|case:fold|v:" + VERSION;
  }

  static String fold(String w) {
    return w.toUpperCase(Locale.ROOT);
  }

  /** The vocabulary rows of a, b, c, expected, or null if one is outside the restricted vocabulary. */
  private static int[] resolve(AnalogyQuestions.Question q, Map<String, Integer> ok) {
    String[] w = {q.a(), q.b(), q.c(), q.expected()};
    int[] ids = new int[4];
    for (int k = 0; k < 4; k++) {
      Integer id = ok.get(fold(w[k]));
      if (id == null) {
        return null;
      }
      ids[k] = id;
    }
    return ids;
  }

  /** Answers resolved questions in batches that share one block of cosine rows. */
  private static final class Scorer {
    private final WordVectors v;
    private final int n;
    private final String[] folded;
    private final AnalogyMethod m;
    private final int maxRows;
    private final TopK top = new TopK(CANDIDATES);

    Scorer(WordVectors v, int n, String[] folded, AnalogyMethod m) {
      this.v = v;
      this.n = n;
      this.folded = folded;
      this.m = m;
      this.maxRows = (int) Math.max(3, BATCH_FLOATS / Math.max(1, n));
    }

    int countCorrect(List<int[]> resolved) {
      int correct = 0;
      LinkedHashMap<Integer, Integer> rowOf = new LinkedHashMap<>();
      List<int[]> batch = new ArrayList<>();
      for (int[] q : resolved) {
        int fresh = 0;
        for (int k = 0; k < 3; k++) {
          fresh += rowOf.containsKey(q[k]) ? 0 : 1;
        }
        if (rowOf.size() + fresh > maxRows) {
          correct += scoreBatch(batch, rowOf);
          batch.clear();
          rowOf.clear();
        }
        for (int k = 0; k < 3; k++) {
          rowOf.putIfAbsent(q[k], rowOf.size());
        }
        batch.add(q);
      }
      return correct + scoreBatch(batch, rowOf);
    }

    private int scoreBatch(List<int[]> batch, LinkedHashMap<Integer, Integer> rowOf) {
      if (batch.isEmpty()) {
        return 0;
      }
      int[] rows = rowOf.keySet().stream().mapToInt(Integer::intValue).toArray();
      float[][] cos = v.cosineRows(rows, n); // [R, n]
      int correct = 0;
      for (int[] q : batch) {
        float[] ca = cos[rowOf.get(q[0])];
        float[] cb = cos[rowOf.get(q[1])];
        float[] cc = cos[rowOf.get(q[2])];
        if (answer(q, ca, cb, cc)) {
          correct++;
        }
      }
      return correct;
    }

    /** True if the answer to question q (rows a, b, c, expected) is the expected word. */
    private boolean answer(int[] q, float[] ca, float[] cb, float[] cc) {
      top.clear();
      boolean add = m == AnalogyMethod.COS_ADD;
      float eps = (float) AnalogyMethod.COS_MUL_EPSILON;
      for (int j = 0; j < n; j++) {
        float s =
            add
                ? cb[j] - ca[j] + cc[j]
                : ((1 + cb[j]) * 0.5f) * ((1 + cc[j]) * 0.5f) / ((1 + ca[j]) * 0.5f + eps);
        if (s > top.threshold() && j != q[0] && j != q[1] && j != q[2]) {
          top.offer(j, s);
        }
      }
      Set<String> ignore = new HashSet<>(List.of(folded[q[0]], folded[q[1]], folded[q[2]]));
      String predicted = null;
      for (int j : top.indices()) {
        predicted = folded[j];
        if (!ignore.contains(predicted)) {
          break;
        }
      }
      return folded[q[3]].equals(predicted);
    }
  }
}
