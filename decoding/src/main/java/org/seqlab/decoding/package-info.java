/**
 * Model-agnostic decoding: turning a model's per-step scores into output sequences.
 *
 * <p>{@link org.seqlab.decoding.Sampler} implements ancestral sampling with temperature, top-k
 * (Fan et al. 2018, "Hierarchical Neural Story Generation") and nucleus / top-p filtering (Holtzman
 * et al. 2020, "The Curious Case of Neural Text Degeneration"): with logits {@code z} and temperature
 * {@code tau}, {@code p = softmax(z / tau)}; top-k keeps the k most probable tokens; top-p keeps the
 * smallest most-probable set {@code V_p} with {@code sum_{i in V_p} p_i >= p}; the kept probabilities
 * are renormalised. Randomness always comes from a caller-supplied {@link java.util.SplittableRandom}.
 */
package org.seqlab.decoding;
