package org.seqlab.metrics;

import java.util.Objects;

/**
 * How BLEU is computed; the defaults are sacreBLEU's corpus defaults ({@code tok:13a}, {@code
 * case:mixed}, {@code smooth:exp}, {@code eff:no}, 4-grams).
 *
 * @param tokenizer tokeniser applied to hypotheses and references
 * @param lowercase lower-case everything before tokenising
 * @param smooth smoothing method
 * @param smoothValue value for {@link SmoothMethod#FLOOR} / {@link SmoothMethod#ADD_K}; NaN means
 *     the method's default
 * @param effectiveOrder stop at the highest n-gram order with a non-zero total (sentence BLEU)
 * @param maxOrder maximum n-gram order, 1..9
 */
public record BleuConfig(
    BleuTokenizer tokenizer,
    boolean lowercase,
    SmoothMethod smooth,
    double smoothValue,
    boolean effectiveOrder,
    int maxOrder) {

  /** The version of sacreBLEU whose behaviour this implementation reproduces. */
  public static final String SACREBLEU_VERSION = "2.6.0";

  public BleuConfig {
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(smooth, "smooth");
    if (maxOrder < 1 || maxOrder > 9) {
      throw new IllegalArgumentException("maxOrder must be in 1..9, got " + maxOrder);
    }
    if (!Double.isNaN(smoothValue) && !smooth.takesValue()) {
      throw new IllegalArgumentException(
          "smoothValue is only used by floor and add-k smoothing, got "
              + smoothValue
              + " with "
              + smooth.signature());
    }
    if (!Double.isNaN(smoothValue) && (smoothValue < 0 || Double.isInfinite(smoothValue))) {
      throw new IllegalArgumentException("smoothValue must be finite and >= 0, got " + smoothValue);
    }
  }

  /** sacreBLEU's corpus BLEU defaults. */
  public static BleuConfig corpusDefaults() {
    return new BleuConfig(BleuTokenizer.THIRTEEN_A, false, SmoothMethod.EXP, Double.NaN, false, 4);
  }

  /** sacreBLEU's {@code sentence_bleu} defaults: exp smoothing and effective order. */
  public static BleuConfig sentenceDefaults() {
    return corpusDefaults().withEffectiveOrder(true);
  }

  public BleuConfig withTokenizer(BleuTokenizer t) {
    return new BleuConfig(t, lowercase, smooth, smoothValue, effectiveOrder, maxOrder);
  }

  public BleuConfig withLowercase(boolean lc) {
    return new BleuConfig(tokenizer, lc, smooth, smoothValue, effectiveOrder, maxOrder);
  }

  /** Smoothing with the method's default value. */
  public BleuConfig withSmooth(SmoothMethod m) {
    return new BleuConfig(tokenizer, lowercase, m, Double.NaN, effectiveOrder, maxOrder);
  }

  public BleuConfig withSmooth(SmoothMethod m, double value) {
    return new BleuConfig(tokenizer, lowercase, m, value, effectiveOrder, maxOrder);
  }

  public BleuConfig withEffectiveOrder(boolean eff) {
    return new BleuConfig(tokenizer, lowercase, smooth, smoothValue, eff, maxOrder);
  }

  public BleuConfig withMaxOrder(int n) {
    return new BleuConfig(tokenizer, lowercase, smooth, smoothValue, effectiveOrder, n);
  }

  /** The smoothing value in effect (the method's default when none was given). */
  public double effectiveSmoothValue() {
    return Double.isNaN(smoothValue) ? smooth.defaultValue() : smoothValue;
  }

  /**
   * The settings part of the sacreBLEU signature, without {@code nrefs} (which depends on the
   * data), e.g. {@code case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}. Scores carry the full
   * {@link #signature(int)}.
   */
  public String signature() {
    String full = signature(1);
    return full.substring(full.indexOf('|') + 1);
  }

  /**
   * The sacreBLEU signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}.
   * Like sacreBLEU's, it does not mention a non-default {@link #maxOrder()}.
   *
   * @param nrefs the number of references per segment, or -1 when it varies ({@code nrefs:var})
   */
  public String signature(int nrefs) {
    String smoothStr = smooth.signature();
    if (smooth.takesValue()) {
      smoothStr += "[" + PyText.fixed(effectiveSmoothValue(), 2) + "]";
    }
    return "nrefs:"
        + (nrefs < 0 ? "var" : Integer.toString(nrefs))
        + "|case:"
        + (lowercase ? "lc" : "mixed")
        + "|eff:"
        + (effectiveOrder ? "yes" : "no")
        + "|tok:"
        + tokenizer.signature()
        + "|smooth:"
        + smoothStr
        + "|version:"
        + SACREBLEU_VERSION;
  }
}
