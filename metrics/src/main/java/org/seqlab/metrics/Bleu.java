package org.seqlab.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Instances are immutable and thread-safe.
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
   *     number of references")
   * @throws IllegalArgumentException when a stream's length differs from the hypotheses' or a
   *     hypothesis is null
   */
  public BleuScore corpusScore(List<String> hypotheses, List<List<String>> references) {
    checkCorpus(hypotheses, references);
    BleuStats sum = BleuStats.zero(config.maxOrder());
    int nrefs = Integer.MIN_VALUE;
    List<String> segRefs = new ArrayList<>(references.size());
    for (int i = 0; i < hypotheses.size(); i++) {
      segRefs.clear();
      for (List<String> stream : references) {
        String r = stream.get(i);
        if (r != null) {
          segRefs.add(r);
        }
      }
      nrefs = nrefs == Integer.MIN_VALUE || nrefs == segRefs.size() ? segRefs.size() : -1;
      sum = sum.plus(segmentStats(hypotheses.get(i), segRefs));
    }
    return compute(sum, config, config.signature(nrefs == Integer.MIN_VALUE ? references.size() : nrefs));
  }

  /**
   * Sentence BLEU of one hypothesis against its references (use {@link
   * BleuConfig#sentenceDefaults()}). Null references are ignored, as in {@link #corpusScore}.
   */
  public BleuScore sentenceScore(String hypothesis, List<String> references) {
    Objects.requireNonNull(hypothesis, "hypothesis");
    List<String> refs = references.stream().filter(Objects::nonNull).toList();
    if (refs.isEmpty()) {
      throw new IllegalArgumentException("sentenceScore needs at least one non-null reference, got none");
    }
    return compute(segmentStats(hypothesis, refs), config, config.signature(refs.size()));
  }

  /**
   * The sufficient statistics of one segment.
   *
   * @param references the segment's references (no nulls)
   */
  public BleuStats segmentStats(String hypothesis, List<String> references) {
    Objects.requireNonNull(hypothesis, "hypothesis");
    int n = config.maxOrder();
    Map<String, Integer> refMax = new HashMap<>();
    int[] refLens = new int[references.size()];
    for (int r = 0; r < references.size(); r++) {
      String ref = Objects.requireNonNull(references.get(r), "reference " + r);
      List<String> toks = tokens(ref);
      refLens[r] = toks.size();
      Map<String, Integer> counts = ngrams(toks, n);
      if (r == 0) {
        refMax = counts;
      } else {
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
          refMax.merge(e.getKey(), e.getValue(), Math::max);
        }
      }
    }
    List<String> hypToks = tokens(hypothesis);
    long[] correct = new long[n];
    long[] total = new long[n];
    for (Map.Entry<String, Integer> e : ngrams(hypToks, n).entrySet()) {
      int order = order(e.getKey());
      int count = e.getValue();
      total[order - 1] += count;
      Integer refCount = refMax.get(e.getKey());
      if (refCount != null) {
        correct[order - 1] += Math.min(count, refCount);
      }
    }
    return new BleuStats(correct, total, hypToks.size(), closestRefLen(hypToks.size(), refLens));
  }

  /** The tokens of a segment after lower-casing, right-stripping and tokenising. */
  public List<String> tokens(String segment) {
    String s = config.lowercase() ? segment.toLowerCase(Locale.ROOT) : segment;
    return PyText.split(config.tokenizer().apply(PyText.rstrip(s)));
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

  /** n-gram counts for orders 1..maxOrder; keys are the tokens joined by single spaces. */
  static Map<String, Integer> ngrams(List<String> tokens, int maxOrder) {
    Map<String, Integer> counts = new HashMap<>(tokens.size() * maxOrder * 2);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      sb.setLength(0);
      for (int n = 1; n <= maxOrder && i + n <= tokens.size(); n++) {
        if (n > 1) {
          sb.append(' ');
        }
        sb.append(tokens.get(i + n - 1));
        counts.merge(sb.toString(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static int order(String ngram) {
    int spaces = 0;
    for (int i = 0; i < ngram.length(); i++) {
      if (ngram.charAt(i) == ' ') {
        spaces++;
      }
    }
    return spaces + 1;
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
