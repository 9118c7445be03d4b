/**
 * Image captioning with a convolutional encoder and an LSTM decoder, trained and measured on seeded
 * synthetic scenes.
 *
 * <p><b>Data.</b> {@link org.seqlab.attention.caption.SceneGenerator} renders 1-3 objects (circle,
 * square, triangle, diamond; red, green, blue, yellow, purple; small or large) alone, in pairs (left
 * of / above) or in rows of three, with Java2D, plus background gradients, colour jitter, grey
 * occluding bars, mutual occlusion and Gaussian pixel noise. Every scene lists all its correct
 * captions ({@link org.seqlab.attention.caption.Scene#references()}); training draws one. Four
 * colour-shape pairs (red triangle, green circle, blue diamond, yellow square) never appear in the
 * training split, so the {@code NOVEL} split measures compositional generalisation, and the {@code
 * TEST} split held-out renders of the training distribution.
 *
 * <p><b>Model.</b> {@link org.seqlab.attention.caption.ConvImageEncoder}: coordinate channels, then
 * blocks of 3x3 convolution, batch norm, ReLU and 2x2 max pooling (core ops, channels-last), giving
 * features {@code a: [B, L = G*G, D]}. Decoders ({@link org.seqlab.attention.caption.CaptionVariant}):
 *
 * <pre>
 *   show and tell (Vinyals et al. 2015):
 *     v = relu([flatten(a); max_l a_l; mean_l a_l] W_v + b_v)     (where things are; what is there, wherever it is)
 *     [h_0; c_0] = tanh(v W_init + b_init)
 *     h_t = LSTM(E[y_{t-1}], h_{t-1});     p(y_t) = softmax(h_t W_o + b_o)
 *   show, attend and tell (Xu et al. 2015, soft attention; Bahdanau et al. 2014 scoring):
 *     [h_0; c_0] = tanh(mean_l(a_l) W_init + b_init)
 *     e_{t,l} = v . tanh(a_l W_k + b_k + h_{t-1} W_q);   alpha_t = softmax_l(e_t);   z_t = sum_l alpha_{t,l} a_l
 *     h_t = LSTM([E[y_{t-1}]; z_t], h_{t-1});     p(y_t) = softmax([h_t; z_t] W_o + b_o)
 * </pre>
 *
 * trained with teacher-forced cross-entropy ({@link org.seqlab.attention.caption.CaptionTrainer}).
 * {@link org.seqlab.attention.caption.CaptionModel} is a {@link org.seqlab.decoding.StepModel}, so
 * greedy and beam search (with length normalisation) come from {@code org.seqlab.decoding}; its
 * calls are thread-safe. {@link org.seqlab.attention.caption.AttentionHeatmaps} draws the attention
 * weights of each word over the image.
 *
 * <p><b>Metrics.</b> {@link org.seqlab.attention.caption.CaptionEvaluation}: corpus BLEU-4
 * (sacreBLEU-exact {@code org.seqlab.metrics.Bleu}, 13a tokenisation, all correct captions as
 * references, reported on the 0-1 scale) and the exact-match rate.
 */
package org.seqlab.attention.caption;
