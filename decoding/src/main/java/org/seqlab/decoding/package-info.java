/**
 * Model-agnostic decoding: turning a model's per-step scores into output sequences.
 *
 * <h2>The step-model contract</h2>
 *
 * <p>A {@link org.seqlab.decoding.StepModel} maps a batch of states and the tokens they emitted last
 * to next-token log-probabilities {@code log p(y_t | y_<t, x)} ({@code [rows, V]}) and new states.
 * States are opaque to decoders: they only {@linkplain org.seqlab.decoding.DecoderState#reorder
 * reorder} rows, which is how a beam search copies a hypothesis into two children or drops finished
 * sentences from the batch. A hypothesis scores {@code log P(y | x) = sum_t log p(y_t | y_<t, x)} over
 * its tokens and the final {@code <eos>}.
 *
 * <h2>Decoders</h2>
 *
 * <ul>
 *   <li>{@link org.seqlab.decoding.GreedySearch}: {@code y_t = argmax_v p(v | y_<t, x)}.
 *   <li>{@link org.seqlab.decoding.BeamSearch}: keeps the {@code K} best prefixes per sentence,
 *       ranking finished hypotheses by {@code score = log P(y | x) / T^alpha} ({@link
 *       org.seqlab.decoding.LengthPenalty}, Wu et al. 2016 use a smoothed variant; {@code alpha = 0}
 *       is plain log-probability). Like fairseq's {@code search.py} it keeps {@code 2K} candidates
 *       per step so that hypotheses ending in {@code <eos>} never starve the beam, finishes {@code
 *       <eos>} candidates only when they rank among the best {@code K}, and stops a sentence when no
 *       live prefix can still reach its n-th best finished score: with {@code s <= 0} the best score
 *       reachable from a prefix of log-probability {@code s} is {@code s / L_max^alpha}.
 *   <li>{@link org.seqlab.decoding.SamplingSearch}: ancestral sampling with temperature, top-k (Fan
 *       et al. 2018) and nucleus / top-p filtering (Holtzman et al. 2020) through {@link
 *       org.seqlab.decoding.Sampler}: with logits {@code z} and temperature {@code tau}, {@code p =
 *       softmax(z / tau)}; top-k keeps the k most probable tokens; top-p keeps the smallest
 *       most-probable set {@code V_p} with {@code sum_{i in V_p} p_i >= p}; the kept probabilities are
 *       renormalised. Randomness always comes from a seed.
 * </ul>
 *
 * <h2>Error analysis</h2>
 *
 * <p>{@link org.seqlab.decoding.BeamErrorAnalysis} compares {@code log P(y* | x)} of a reference with
 * {@code log P(y^ | x)} of the output ({@link org.seqlab.decoding.SequenceScorer}): if the model
 * prefers the reference the search failed, otherwise the model did.
 *
 * <p>{@link org.seqlab.decoding.ScriptedStepModel} is a fixture with fixed per-prefix distributions
 * for exact tests of any decoder.
 */
package org.seqlab.decoding;
