package org.seqlab.metrics;

/**
 * A BLEU score with everything needed to report it as sacreBLEU does.
 *
 * @param score BLEU in 0..100
 * @param counts matched n-grams per order (after add-k smoothing, as sacreBLEU reports them)
 * @param totals hypothesis n-grams per order (after add-k smoothing)
 * @param precisions per-order precisions in percent
 * @param bp brevity penalty
 * @param sysLen hypothesis length
 * @param refLen reference length
 * @param signature the sacreBLEU signature of the settings
 */
public record BleuScore(
    double score,
    double[] counts,
    double[] totals,
    double[] precisions,
    double bp,
    long sysLen,
    long refLen,
    String signature) {

  public BleuScore {
    counts = counts.clone();
    totals = totals.clone();
    precisions = precisions.clone();
  }

  @Override
  public double[] counts() {
    return counts.clone();
  }

  @Override
  public double[] totals() {
    return totals.clone();
  }

  @Override
  public double[] precisions() {
    return precisions.clone();
  }

  /** hyp_len / ref_len (0 when the reference is empty). */
  public double ratio() {
    return refLen == 0 ? 0 : (double) sysLen / refLen;
  }

  /**
   * The sacreBLEU text line, e.g. {@code BLEU|nrefs:1|...|version:2.6.0 = 34.29 65.4/40.0/28.6/20.0
   * (BP = 1.000 ratio = 1.083 hyp_len = 13 ref_len = 12)}.
   *
   * @param width digits after the decimal point for the score (sacreBLEU's {@code -w}, default 2)
   */
  public String format(int width) {
    if (width < 0 || width > 16) {
      throw new IllegalArgumentException("width must be in 0..16, got " + width);
    }
    StringBuilder prec = new StringBuilder();
    for (int i = 0; i < precisions.length; i++) {
      if (i > 0) {
        prec.append('/');
      }
      prec.append(PyText.fixed(precisions[i], 1));
    }
    String name = signature == null || signature.isEmpty() ? "BLEU" : "BLEU|" + signature;
    return name
        + " = "
        + PyText.fixed(score, width)
        + " "
        + prec
        + " (BP = "
        + PyText.fixed(bp, 3)
        + " ratio = "
        + PyText.fixed(ratio(), 3)
        + " hyp_len = "
        + sysLen
        + " ref_len = "
        + refLen
        + ")";
  }

  @Override
  public String toString() {
    return format(2);
  }
}
