/**
 * Attention encoder-decoder models (Bahdanau, Cho and Bengio 2014, "Neural Machine Translation by
 * Jointly Learning to Align and Translate") that plug into the model-agnostic decoders of {@code
 * org.seqlab.decoding}.
 *
 * <h2>Model</h2>
 *
 * <pre>
 *   encoder   a_s = [h_fwd_s; h_bwd_s] = BiRNN(E_src x)_s                 [B, S, 2He]   (GRU or LSTM)
 *             s_0 = tanh([h_fwd_last; h_bwd_first] W_init + b)            [B, Hd]
 *   attention e_{t,s} = v . tanh(s_{t-1} W_q + a_s W_k + b_k)              [B, S]
 *             alpha_{t,s} = exp(e_{t,s}) / sum_{s' < len} exp(e_{t,s'})    (0 on padded positions)
 *             c_t = sum_s alpha_{t,s} a_s                                 [B, 2He]
 *   decoder   s_t = RNN([E_tgt y_{t-1}; c_t], s_{t-1})                    [B, Hd]   (post-attention RNN)
 *             o_t = tanh([s_t; E_tgt y_{t-1}; c_t] W_o + b_o)             [B, O]
 *             p(y_t | y_&lt;t, x) = softmax(o_t W_out + b_out)             [B, V]
 * </pre>
 *
 * {@link org.seqlab.attention.AttentionKind#NONE} drops the attention (the plain encoder-decoder of
 * Sutskever et al. 2014 and Cho et al. 2014): the decoder sees only {@code s_0} and its inputs, and the
 * whole teacher-forced target runs as one fused recurrent call. Training uses teacher forcing: the
 * decoder reads the reference {@code <bos> y_1 .. y_n} and the loss is the mean cross-entropy of
 * {@code y_1 .. y_n <eos>}.
 *
 * <p>The attention energies, masked softmax and weighted sum are one fused tape operation per step
 * ({@link org.seqlab.attention.AdditiveAttention}, hand-written backward checked against finite
 * differences); the recurrent layers are the sequence module's fused kernels. The whole model is
 * gradient-checked end to end in double precision.
 *
 * <h2>Using a model</h2>
 *
 * <p>{@link org.seqlab.attention.Seq2SeqModel} implements {@link org.seqlab.decoding.StepModel}, so
 * greedy, beam and sampling decoders all work on it; its state keeps one encoder memory per source
 * sentence and re-indexes it when beams are reordered. {@link org.seqlab.attention.Translator} wraps
 * tokenisation, batching, decoding and detokenisation, and is safe for concurrent use. Models are
 * directories ({@link org.seqlab.attention.Seq2SeqFiles}) with a versioned, checksummed parameter file
 * and the two vocabularies. {@link org.seqlab.attention.Seq2SeqTrainer} trains with Adam, warm-up and
 * cosine decay, gradient clipping and length-bucketed batches, reports progress with an ETA and
 * resumes from checkpoints.
 */
package org.seqlab.attention;
