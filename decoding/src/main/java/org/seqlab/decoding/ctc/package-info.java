/**
 * Decoders for connectionist temporal classification outputs (Graves et al. 2006).
 *
 * <p>A CTC network gives per-frame log-probabilities {@code log y_t(k)} over labels and a blank
 * {@code ∅}; a label sequence {@code W} has probability {@code p(W | x) = sum_{π : B(π) = W} prod_t
 * y_t(π_t)}, where {@code B} merges repeats and drops blanks. Finding {@code argmax_W p(W | x)} is
 * intractable in general, so:
 *
 * <ul>
 *   <li>{@link org.seqlab.decoding.ctc.CtcGreedyDecoder} (best path) returns {@code B(argmax_π
 *       prod_t y_t(π_t))}, the collapse of the most probable alignment: one argmax per frame;
 *   <li>{@link org.seqlab.decoding.ctc.CtcPrefixBeamSearch} keeps the {@code beamWidth} best label
 *       prefixes, each with the summed probability of its alignments ending in a blank and in a
 *       label, and can add a {@link org.seqlab.decoding.ctc.CtcLanguageModel} such as {@link
 *       org.seqlab.decoding.ctc.NgramLanguageModel}: {@code score(W) = log p(W | x) + alpha log
 *       P_lm(W) + beta |W|} (Hannun et al. 2014).
 * </ul>
 *
 * <p>With a beam at least as wide as the number of prefixes and no language model, the beam search
 * is exact: it returns {@code argmax_W p(W | x)} with {@code log p(W | x)} as its score.
 */
package org.seqlab.decoding.ctc;
