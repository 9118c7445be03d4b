/**
 * Evaluation metrics for sequence models, in pure Java with no dependencies.
 *
 * <ul>
 *   <li>{@link org.seqlab.metrics.Bleu}: BLEU (Papineni et al. 2002, "BLEU: a Method for Automatic
 *       Evaluation of Machine Translation") reproducing sacreBLEU 2.x (Post 2018) exactly: its
 *       tokenisers ({@link org.seqlab.metrics.BleuTokenizer}), smoothing ({@link
 *       org.seqlab.metrics.SmoothMethod}), effective order, closest reference length and signature.
 *       Corpus BLEU is a function of summed {@link org.seqlab.metrics.BleuStats}: with clipped
 *       matches m_n, hypothesis n-grams t_n, hypothesis length c and reference length r,
 *       {@code BLEU = min(1, exp(1 - r/c)) * exp(sum_n log(m_n / t_n) / N)}.
 *   <li>{@link org.seqlab.metrics.EditDistance} and {@link org.seqlab.metrics.ErrorRate}: Levenshtein
 *       distance, WER and CER ((S + D + I) / N summed over the corpus).
 *   <li>{@link org.seqlab.metrics.Perplexity}: {@code exp(NLL / N)} and bits per token.
 *   <li>{@link org.seqlab.metrics.Accuracy} and {@link org.seqlab.metrics.SpanF1} (CoNLL conlleval
 *       chunk P/R/F1).
 * </ul>
 */
package org.seqlab.metrics;
