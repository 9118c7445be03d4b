/**
 * Training word vectors with skip-gram and negative sampling (SGNS).
 *
 * <p><b>Model</b> (Mikolov, Sutskever, Chen, Corrado, Dean, "Distributed Representations of Words and
 * Phrases and their Compositionality", NIPS 2013). Every word {@code w} has an input vector {@code
 * v_w} (row of {@code syn0}, the vectors kept) and an output vector {@code u_w} (row of {@code
 * syn1neg}). For a centre word {@code w} and each context word {@code c} within its window, SGNS
 * maximises
 *
 * <pre>  log s(u_w . v_c) + sum_{k=1..K} log s(-u_{n_k} . v_c),   n_k ~ P_n,  s(x) = 1 / (1 + e^-x)</pre>
 *
 * by SGD with a learning rate decaying linearly to {@code minAlpha} over the whole run. The noise
 * distribution is {@code P_n(w) ~ count(w)^0.75} ({@link org.seqlab.embeddings.train.NegativeSampler},
 * alias method); frequent words are randomly discarded before windows are formed ({@link
 * org.seqlab.embeddings.train.Subsampler}); each centre word draws its window size uniformly from
 * {@code 1..window} ("dynamic window", which weights near contexts more).
 *
 * <p><b>Speed.</b> The corpus is encoded once to an {@code int[]} ({@link
 * org.seqlab.embeddings.train.EncodedCorpus}); the hot loop works on {@code float[]} rows with no
 * allocation. The {@code K} noise words are drawn once per centre word and shared by its whole
 * window, which turns the window's {@code C(K+1)} dot products into one small matrix product over
 * {@code K+1} output rows that stay in cache (Ji, Shah, Satish, Dubey, "Parallelizing Word2Vec in
 * Shared and Distributed Memory", 2016). Worker threads update the matrices without locks
 * (Hogwild!, Recht et al. 2011).
 *
 * <p><b>Reproducibility.</b> Every random choice comes from a stream keyed by (seed, epoch,
 * sentence), so a one-thread run is a pure function of config and corpus, and a checkpoint ({@link
 * org.seqlab.embeddings.train.CheckpointFile}) resumes it exactly.
 */
package org.seqlab.embeddings.train;
