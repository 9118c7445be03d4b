/**
 * Recurrent sequence models: RNN, GRU and LSTM layers as fused, hand-differentiated tape
 * operations, bidirectional and stacked networks, and recurrent language models.
 *
 * <h2>Cells</h2>
 *
 * <p>A {@link org.seqlab.sequence.RecurrentCell} is one of
 *
 * <pre>
 *   RNN   h_t = phi(x_t W_ih + h_{t-1} W_hh + b)                                     (Elman 1990)
 *   GRU   r = s(x W_ir + b_ir + h W_hr + b_hr)    z = s(x W_iz + b_iz + h W_hz + b_hz)
 *         n = tanh(x W_in + b_in + r * (h W_hn + b_hn))    h_t = (1 - z) n + z h_{t-1}   (Cho et al. 2014)
 *   LSTM  i, f, o = s(...), g = tanh(...)    c_t = f c_{t-1} + i g    h_t = o tanh(c_t)
 *                                                   (Hochreiter and Schmidhuber 1997; Gers et al. 2000)
 * </pre>
 *
 * with the GRU reset applied after the recurrent matmul (the cuDNN/PyTorch variant) and optional
 * LSTM peepholes. See each cell's Javadoc for its gate layout and backward equations.
 *
 * <h2>Fused unrolling</h2>
 *
 * <p>{@link org.seqlab.sequence.Recurrent} records a whole layer call, {@code [B, T, I] -> [B, T,
 * H]}, as one tape operation: one {@code [B*T, I] x [I, G*H]} gemm for the input projections, then
 * one {@code [B, H] x [H, G*H]} gemm per step, with the gate arithmetic in plain Java loops; the
 * backward pass is hand-written back-propagation through time (Werbos 1990) ending in one gemm each
 * for {@code dW_ih}, {@code dW_hh} and {@code dx}. Every kernel is checked against central finite
 * differences in double precision and against a scalar reference implementation.
 *
 * <p>Padding: a {@code [B, T]} 0/1 mask (or lengths) marks valid steps. At a padded step the state
 * is carried through unchanged and the output is 0, so the final state is each sequence's state
 * after its last valid step, and padded steps neither change the state nor receive gradient.
 * {@link org.seqlab.sequence.Bidirectional} reverses each sequence within its own length (Schuster
 * and Paliwal 1997); {@link org.seqlab.sequence.StackedRecurrent} adds dropout between layers
 * (Zaremba et al. 2014).
 *
 * <h2>Language models</h2>
 *
 * <p>{@link org.seqlab.sequence.LanguageModel} is embedding, recurrent stack and {@link
 * org.seqlab.sequence.SoftmaxOutput}, a fused output layer and softmax cross-entropy, {@code loss =
 * mean_i (logsumexp(z_i) - z_i[y_i])} with {@code dz = softmax(z) - onehot(y)}. {@link
 * org.seqlab.sequence.CharLanguageModel} and {@link org.seqlab.sequence.CharLmTrainer} train
 * character-level models with truncated back-propagation through time and report nats and bits per
 * character ({@code bits = nats / ln 2}). {@link org.seqlab.sequence.WordLanguageModel} and {@link
 * org.seqlab.sequence.WordLmTrainer} do the same over words (each line followed by {@code <eos>}),
 * reporting perplexity {@code exp(nats per token)}.
 *
 * <h2>Classifiers and taggers</h2>
 *
 * <p>{@link org.seqlab.sequence.SequenceClassifier} pools an LSTM or bidirectional LSTM over time
 * (last state, mean, or max: {@code v_j = max_{t < len} h_{t,j}}, whose gradient goes to the
 * arg-max step) or simply averages the embeddings. {@link org.seqlab.sequence.NerTagger} feeds word
 * embeddings, character-BiLSTM states and casing embeddings to a BiLSTM and a {@link
 * org.seqlab.sequence.LinearChainCrf} (Lample et al. 2016): with emission scores {@code E} and
 * transitions {@code A}, {@code s(y) = start[y_0] + sum_t E[t, y_t] + sum_{t>0} A[y_{t-1}, y_t] +
 * end[y_{L-1}]}, loss {@code log Z - s(gold)} with {@code log Z} from the forward algorithm, gradient
 * marginals minus gold counts from forward-backward, and Viterbi decoding. Epoch-based training
 * ({@link org.seqlab.sequence.TrainingOptions}) reports progress with an ETA and checkpoints after
 * every epoch; every model file is a versioned, checksummed core {@code ParameterFile} with its
 * vocabularies ({@link org.seqlab.sequence.TokenTable}) and a golden file test.
 */
package org.seqlab.sequence;
