/**
 * Evaluation metrics for sequence models, in pure Java with no dependencies.
 *
 * <h2>BLEU</h2>
 *
 * {@link org.seqlab.metrics.Bleu} implements BLEU (Papineni et al. 2002, "BLEU: a Method for
 * Automatic Evaluation of Machine Translation") exactly as sacreBLEU 2.6.0 (Post 2018, "A Call for
 * Clarity in Reporting BLEU Scores") computes it; a fixture of 500+ cases scored by sacreBLEU
 * itself pins the behaviour to 1e-9. For hypothesis segments h and references R(h), with
 * modified (clipped) n-gram matches
 *
 * <pre>
 *   m_n = sum_h sum_{g in n-grams(h)} min(count_h(g), max_{r in R(h)} count_r(g)),
 *   t_n = sum_h max(0, |h| - n + 1),   c = sum_h |h|,   r = sum_h |closest reference|,
 *   p_n = m_n / t_n,   BP = min(1, exp(1 - r/c)),   BLEU = 100 * BP * exp((1/N) sum_{n &lt;= N} log p_n)
 * </pre>
 *
 * the closest reference length breaks ties towards the shorter reference. Corpus BLEU is a
 * function of the summed statistics ({@link org.seqlab.metrics.BleuStats}); it never averages
 * sentence scores. Zero matches are handled by {@link org.seqlab.metrics.SmoothMethod} (Chen and
 * Cherry 2014, "A Systematic Comparison of Smoothing Techniques for Sentence-Level BLEU": floor =
 * method 1, add-k = method 2, exp = method 3 as in mteval-v13a), and "effective order" stops N at
 * the highest order with any hypothesis n-gram. Text is tokenised by {@link
 * org.seqlab.metrics.BleuTokenizer} ({@code 13a}, {@code intl}, {@code char}, {@code none}); every
 * score carries sacreBLEU's signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|
 * version:2.6.0}.
 *
 * <h2>Error rates, perplexity, accuracy, chunk F1</h2>
 *
 * <ul>
 *   <li>{@link org.seqlab.metrics.EditDistance}: Levenshtein (1966) distance over tokens or code
 *       points, with substitution / deletion / insertion counts; {@link
 *       org.seqlab.metrics.ErrorRate}: WER and CER = (S + D + I) / N summed over the corpus.
 *   <li>{@link org.seqlab.metrics.Perplexity}: {@code exp(NLL / N)} and bits per token (per
 *       character for character models) {@code NLL / (N ln 2)}.
 *   <li>{@link org.seqlab.metrics.Accuracy}, and {@link org.seqlab.metrics.SpanF1}: chunk
 *       precision, recall and F1 with the chunk rules of the CoNLL-2000/2003 {@code conlleval}
 *       script (Tjong Kim Sang and De Meulder 2003) for IOB1 and IOB2 tags.
 * </ul>
 */
package org.seqlab.metrics;
