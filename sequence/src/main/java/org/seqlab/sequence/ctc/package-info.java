/**
 * Connectionist temporal classification (Graves, Fernández, Gomez and Schmidhuber 2006, "Connectionist
 * temporal classification: labelling unsegmented sequence data with recurrent neural networks").
 *
 * <h2>The loss</h2>
 *
 * <p>A network emits, at each of {@code T} frames, a distribution {@code y_t = softmax(z_t)} over
 * {@code C} classes, one of which is the blank {@code ∅}. An alignment {@code π} (one class per
 * frame) collapses to a label sequence {@code B(π)} by merging repeats and then dropping blanks
 * ({@code a a ∅ a b b -> a a b}). The loss of a target {@code l} of length {@code L} is
 *
 * <pre>
 *   loss = -log p(l | x),     p(l | x) = sum_{π : B(π) = l} prod_t y_t(π_t)
 * </pre>
 *
 * <p>computed over the blank-extended sequence {@code l' = ∅ l_1 ∅ l_2 ... l_L ∅} of {@code S = 2L +
 * 1} states. With {@code alpha_t(s)} the probability of the prefixes ending in state {@code s} at
 * frame {@code t} (emission at {@code t} included) and {@code beta_t(s)} that of the suffixes after
 * {@code t} given state {@code s} at {@code t} (emission at {@code t} excluded):
 *
 * <pre>
 *   alpha_0(0) = y_0(∅),  alpha_0(1) = y_0(l_1)
 *   alpha_t(s) = (alpha_{t-1}(s) + alpha_{t-1}(s-1) + [skip(s)] alpha_{t-1}(s-2)) y_t(l'_s)
 *   skip(s)    = l'_s != ∅ and l'_s != l'_{s-2}
 *   beta_{T-1}(S-1) = beta_{T-1}(S-2) = 1
 *   beta_t(s)  = beta_{t+1}(s) y_{t+1}(l'_s) + beta_{t+1}(s+1) y_{t+1}(l'_{s+1}) + [skip(s+2)] beta_{t+1}(s+2) y_{t+1}(l'_{s+2})
 *   p(l | x)   = alpha_{T-1}(S-1) + alpha_{T-1}(S-2) = sum_s alpha_t(s) beta_t(s)   for every t
 * </pre>
 *
 * <p>The occupation probabilities {@code gamma_t(s) = alpha_t(s) beta_t(s) / p} give the gradient
 * with respect to the unnormalised logits (Graves et al. 2006, eq. 16):
 *
 * <pre>
 *   d loss / d z_tk = y_t(k) - sum_{s : l'_s = k} gamma_t(s)
 * </pre>
 *
 * <p>{@link org.seqlab.sequence.ctc.CtcLoss} runs the recursions in double precision with per-frame
 * renormalisation: {@code alpha_t} and {@code beta_t} are rescaled to sum 1 and {@code log p = sum_t
 * log c_t} accumulates the normalisers (Rabiner 1989), which is exact and needs no logarithm in the
 * inner loop; an example whose frame underflows (emission probabilities below ~1e-290) is recomputed
 * with log-sum-exp over log-probabilities. A target needs at least {@code L + r} frames, {@code r}
 * the number of equal neighbours {@code l_i = l_{i+1}} (a blank must separate them); shorter inputs
 * give {@code p = 0}, reported as infeasible, with loss {@code +inf} and a NaN gradient, or 0 and 0
 * with {@link org.seqlab.sequence.ctc.CtcConfig#zeroInfinity()}.
 */
package org.seqlab.sequence.ctc;
