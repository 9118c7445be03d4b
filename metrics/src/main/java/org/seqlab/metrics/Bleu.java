package org.seqlab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * BLEU (Papineni et al. 2002) computed exactly as sacreBLEU 2.x computes it.
 *
 * <p>Each segment is lower-cased (optionally), right-stripped and tokenised; hypothesis n-gram
 * counts are clipped by the maximum count of that n-gram in any one reference; the brevity penalty
 * uses the reference length closest to the hypothesis length (ties go to the shorter reference).
 * Corpus BLEU sums the per-segment {@link BleuStats} and applies {@link #compute} once:
 *
 * <pre>
 *   BLEU = BP * exp( (1/N) * sum_n log p_n ),   BP = min(1, exp(1 - r/c))
 * </pre>
 *
 * <p>sacreBLEU's edge cases are kept: if no n-gram of any order matches, the score is 0; an order
 * with no hypothesis n-grams at all stops the precision loop, and without effective order its
 * precision stays 0, whose log is floored at -9999999999 (so a corpus shorter than N tokens per
 * segment scores 0); BP is 0 for an empty hypothesis side. sacreBLEU's input checks are stricter
 * here: reference streams must have as many segments as there are hypotheses (sacreBLEU silently
 * truncates to the shortest), and a segment whose references are all null is an error (sacreBLEU
 * crashes). sacreBLEU's warning about tokenised input ({@code " ."} endings) is not reproduced.
 *
 * <p>Tokens are interned to int ids per scoring call and n-grams to ids per segment (see {@code
 * NgramMatcher}), so no n-gram strings are built. Instances are immutable and thread-safe; each
 * call uses its own buffers.
 */
public final class Bleu {
  private final BleuConfig config;

  public Bleu(BleuConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public BleuConfig config() {
    return config;
  }

  /**
   * Corpus BLEU.
   *
   * @param hypotheses one line per segment
   * @param references one or more reference streams, each aligned with {@code hypotheses}; an
   *     element may be {@code null} where a segment has fewer references (sacreBLEU's "variable
   *     number of references"; the signature then says {@code nrefs:var})
   * @throws IllegalArgumentException when a stream's length differs from the hypotheses', a
   *     hypothesis is null, or a segment has no non-null reference
   */
  public BleuScore corpusScore(List<String> hypotheses, List<List<String>> references) {
    checkCorpus(hypotheses, references);
    Counter counter = new Counter();
    int nrefs = Integer.MIN_VALUE;
    List<int[]> segRefs = new ArrayList<>(references.size());
    for (int i = 0; i < hypotheses.size(); i++) {
      segRefs.clear();
      for (List<String> stream : references) {
        String r = stream.get(i);
        if (r != null) {
          segRefs.add(counter.ids(r));
        }
      }
      if (segRefs.isEmpty()) {
        throw new IllegalArgumentException(
            "segment " + i + " has no reference: all " + references.size() + " reference streams are null there");
      }
      nrefs = nrefs == Integer.MIN_VALUE || nrefs == segRefs.size() ? segRefs.size() : -1;
      counter.add(counter.ids(hypotheses.get(i)), segRefs);
    }
    if (nrefs == Integer.MIN_VALUE) {
      nrefs = references.size(); // empty corpus
    }
    return compute(counter.stats(), config, config.signature(nrefs));
  }

  /**
   * Sentence BLEU of one hypothesis against its references (use {@link
   * BleuConfig#sentenceDefaults()} for sacreBLEU's {@code sentence_score} defaults). Null
   * references are ignored, as in {@link #corpusScore}.
   *
   * @throws IllegalArgumentException when there is no non-null reference
   */
  public BleuScore sentenceScore(String hypothesis, List<String> references) {
    Objects.requireNonNull(references, "references");
    List<String> refs = references.stream().filter(Objects::nonNull).toList();
    BleuStats stats = segmentStats(hypothesis, refs);
    return compute(stats, config, config.signature(refs.size()));
  }

  /**
   * The sufficient statistics of one segment.
   *
   * @param hypothesis the hypothesis line
   * @param references the segment's references (at least one, no nulls)
   */
  public BleuStats segmentStats(String hypothesis, List<String> references) {
    if (hypothesis == null) {
      throw new IllegalArgumentException("hypothesis is null; expected a string");
    }
    Objects.requireNonNull(references, "references");
    if (references.isEmpty()) {
      throw new IllegalArgumentException("references is empty; expected at least one reference");
    }
    Counter counter = new Counter();
    List<int[]> refIds = new ArrayList<>(references.size());
    for (int r = 0; r < references.size(); r++) {
      String ref = references.get(r);
      if (ref == null) {
        throw new IllegalArgumentException("reference " + r + " is null; expected a string");
      }
      refIds.add(counter.ids(ref));
    }
    counter.add(counter.ids(hypothesis), refIds);
    return counter.stats();
  }

  /** The tokens of a segment after lower-casing, right-stripping and tokenising. */
  public List<String> tokens(String segment) {
    CharBuffers buf = new CharBuffers();
    preprocess(segment, buf);
    return PyText.split(buf.result());
  }

  /**
   * sacreBLEU's {@code _preprocess_segment}: lower-case (optionally), right-strip, tokenise; the
   * result goes to {@code buf.out}.
   */
  private void preprocess(String segment, CharBuffers buf) {
    String s = config.lowercase() ? segment.toLowerCase(Locale.ROOT) : segment;
    config.tokenizer().raw(PyText.rstrip(s), buf);
  }

  /** Sums segment statistics for one scoring call, reusing its buffers and tables. */
  private final class Counter {
    private final TokenTable table = new TokenTable();
    private final NgramMatcher matcher = new NgramMatcher(config.maxOrder());
    private final CharBuffers buf = new CharBuffers();
    private final long[] correct = new long[config.maxOrder()];
    private final long[] total = new long[config.maxOrder()];
    private final long[] lens = new long[2];

    int[] ids(String segment) {
      preprocess(segment, buf);
      return table.ids(buf.out, buf.outLength);
    }

    void add(int[] hyp, List<int[]> refs) {
      matcher.accumulate(hyp, refs, correct, total, lens);
    }

    BleuStats stats() {
      return new BleuStats(correct, total, lens[0], lens[1]);
    }
  }

  /**
   * BLEU from sufficient statistics: a pure function, as sacreBLEU's {@code compute_bleu}.
   *
   * @param signature the signature to attach to the score
   */
  public static BleuScore compute(BleuStats stats, BleuConfig config, String signature) {
    int maxOrder = config.maxOrder();
    if (stats.maxOrder() != maxOrder) {
      throw new IllegalArgumentException(
          "statistics have max order " + stats.maxOrder() + " but the config has " + maxOrder);
    }
    double[] correct = new double[maxOrder];
    double[] total = new double[maxOrder];
    boolean anyCorrect = false;
    for (int i = 0; i < maxOrder; i++) {
      correct[i] = stats.correctAt(i);
      total[i] = stats.totalAt(i);
      anyCorrect |= correct[i] != 0;
    }
    long sysLen = stats.sysLen();
    long refLen = stats.refLen();
    double bp = 1.0;
    if (sysLen < refLen) {
      bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
    }
    double[] precisions = new double[maxOrder];
    if (!anyCorrect) {
      return new BleuScore(0.0, correct, total, precisions, bp, sysLen, refLen, signature);
    }
    double smoothValue = config.effectiveSmoothValue();
    double smoothMteval = 1.0;
    int effOrder = maxOrder;
    for (int n = 1; n <= maxOrder; n++) {
      if (config.smooth() == SmoothMethod.ADD_K && n > 1) {
        correct[n - 1] += smoothValue;
        total[n - 1] += smoothValue;
      }
      if (total[n - 1] == 0) {
        break;
      }
      if (config.effectiveOrder()) {
        effOrder = n;
      }
      if (correct[n - 1] == 0) {
        if (config.smooth() == SmoothMethod.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
        } else if (config.smooth() == SmoothMethod.FLOOR) {
          precisions[n - 1] = 100.0 * smoothValue / total[n - 1];
        }
      } else {
        precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
      }
    }
    // sacreBLEU sums the logs left to right (Python < 3.12 sum); any difference is in the last bits.
    double logSum = 0;
    for (int i = 0; i < effOrder; i++) {
      logSum += precisions[i] == 0.0 ? -9999999999.0 : Math.log(precisions[i]);
    }
    double score = bp * Math.exp(logSum / effOrder);
    return new BleuScore(score, correct, total, precisions, bp, sysLen, refLen, signature);
  }

  static int closestRefLen(int hypLen, int[] refLens) {
    int closestDiff = -1;
    int closestLen = -1;
    for (int refLen : refLens) {
      int diff = Math.abs(hypLen - refLen);
      if (closestDiff == -1 || diff < closestDiff) {
        closestDiff = diff;
        closestLen = refLen;
      } else if (diff == closestDiff && refLen < closestLen) {
        closestLen = refLen;
      }
    }
    return closestLen;
  }

  private static void checkCorpus(List<String> hypotheses, List<List<String>> references) {
    Objects.requireNonNull(hypotheses, "hypotheses");
    Objects.requireNonNull(references, "references");
    if (references.isEmpty()) {
      throw new IllegalArgumentException("corpusScore needs at least one reference stream, got none");
    }
    for (int r = 0; r < references.size(); r++) {
      List<String> stream = references.get(r);
      if (stream == null) {
        throw new IllegalArgumentException("reference stream " + r + " is null");
      }
      if (stream.size() != hypotheses.size()) {
        throw new IllegalArgumentException(
            "reference stream "
                + r
                + " has "
                + stream.size()
                + " segments but there are "
                + hypotheses.size()
                + " hypotheses");
      }
    }
    for (int i = 0; i < hypotheses.size(); i++) {
      if (hypotheses.get(i) == null) {
        throw new IllegalArgumentException("hypothesis " + i + " is null; each hypothesis must be a string");
      }
    }
  }
}
