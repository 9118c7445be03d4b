package org.seqlab.attention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Tape;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.decoding.BannedTokens;
import org.seqlab.decoding.LogProbs;
import org.seqlab.decoding.StepModel;

/**
 * A trained encoder-decoder, with or without Bahdanau attention (see {@link Seq2SeqNetwork} for the
 * equations), that every decoder of {@code org.seqlab.decoding} can drive: {@link #encode} turns
 * source sentences into a {@link Seq2SeqState} with one row per sentence, and {@link #step} gives
 * next-token log-probabilities: the model's own distribution, the one it was trained on, so that
 * {@link org.seqlab.decoding.SequenceScorer} reproduces the training loss. Decoders should see it
 * through {@link #forDecoding()}, which never emits {@code <pad>}, {@code <bos>} or (optionally)
 * {@code <unk>}.
 *
 * <p>Immutable and thread-safe: inference reads the parameters and allocates its own buffers, so one
 * instance can serve concurrent requests. Train with {@link Seq2SeqTrainer}; {@link #save} and
 * {@link #load} use a directory ({@link Seq2SeqFiles}).
 */
public final class Seq2SeqModel implements StepModel<Seq2SeqState> {
  private final Seq2SeqNetwork network;
  private final Vocabulary sourceVocabulary;
  private final Vocabulary targetVocabulary;
  private final Segmentation sourceSegmentation;
  private final Segmentation targetSegmentation;
  private final Map<String, String> provenance;

  Seq2SeqModel(Seq2SeqNetwork network, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
      Segmentation sourceSegmentation, Segmentation targetSegmentation, Map<String, String> provenance) {
    this.network = Objects.requireNonNull(network, "network");
    this.sourceVocabulary = Objects.requireNonNull(sourceVocabulary, "sourceVocabulary");
    this.targetVocabulary = Objects.requireNonNull(targetVocabulary, "targetVocabulary");
    this.sourceSegmentation = Objects.requireNonNull(sourceSegmentation, "sourceSegmentation");
    this.targetSegmentation = Objects.requireNonNull(targetSegmentation, "targetSegmentation");
    this.provenance = Map.copyOf(provenance);
    if (!sourceVocabulary.hasSpecials() || !targetVocabulary.hasSpecials()) {
      throw new IllegalArgumentException("seq2seq vocabularies need Specials.STANDARD (<pad>, <unk>, <bos>, <eos>)");
    }
  }

  public Seq2SeqConfig config() {
    return network.config;
  }

  Seq2SeqNetwork network() {
    return network;
  }

  public Vocabulary sourceVocabulary() {
    return sourceVocabulary;
  }

  public Vocabulary targetVocabulary() {
    return targetVocabulary;
  }

  public Segmentation sourceSegmentation() {
    return sourceSegmentation;
  }

  public Segmentation targetSegmentation() {
    return targetSegmentation;
  }

  /** Run facts saved with the model ({@code run.*}: seed, steps, data, validation loss, time). */
  public Map<String, String> provenance() {
    return provenance;
  }

  /** Number of trainable scalars. */
  public long parameterCount() {
    return network.params.count();
  }

  /** Source ids of a text: its tokens ({@code <unk>} for unknown ones) and {@code <eos>}. */
  public int[] encodeSource(String text) {
    List<String> tokens = sourceSegmentation.tokenize(text);
    int[] ids = Arrays.copyOf(sourceVocabulary.encode(tokens), tokens.size() + 1);
    ids[tokens.size()] = Vocabulary.EOS_ID;
    return ids;
  }

  /** Target ids of a text, without {@code <bos>}/{@code <eos>} (for scoring references). */
  public int[] encodeTarget(String text) {
    return targetVocabulary.encode(targetSegmentation.tokenize(text));
  }

  /** The detokenised text of target ids. */
  public String decodeTarget(int[] ids) {
    return targetSegmentation.detokenize(targetVocabulary.decode(ids));
  }

  /**
   * Encodes source sentences into a decoder state, one row per sentence.
   *
   * @param sources ids from {@link #encodeSource} (non-empty, in the source vocabulary)
   */
  public Seq2SeqState encode(List<int[]> sources) {
    int n = sources.size();
    if (n == 0) {
      throw new IllegalArgumentException("encode needs at least one source sentence");
    }
    List<int[]> empty = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int[] s = sources.get(i);
      for (int v : s) {
        if (v < 0 || v >= sourceVocabulary.size()) {
          throw new IllegalArgumentException("source " + i + " holds id " + v + ", outside the source vocabulary [0, "
              + sourceVocabulary.size() + ")");
        }
      }
      empty.add(new int[0]);
    }
    Seq2SeqBatch b = Seq2SeqBatch.of(sources, empty);
    try (Tape tape = new Tape()) {
      Seq2SeqNetwork.Encoded enc = network.encode(tape, b.source(), b.sourceLengths(), false, 0);
      double[] h = NativeArrays.toArray(enc.initial().h().value());
      double[] c = enc.initial().c() == null ? null : NativeArrays.toArray(enc.initial().c().value());
      AttentionMemory memory = null;
      if (network.hasAttention()) {
        int s = b.source()[0].length;
        memory = AttentionMemory.constant(NativeArrays.toArray(enc.keys().value()), NativeArrays.toArray(enc.memory().value()),
            b.sourceLengths(), s, network.attention.attentionDim(), network.config.memoryDim(), network.type);
      }
      return new Seq2SeqState(h, c, org.seqlab.decoding.Decoder.iota(n), memory, network.config.decoderHidden());
    }
  }

  @Override
  public Step<Seq2SeqState> step(Seq2SeqState state, int[] lastTokens) {
    int n = state.rows();
    if (lastTokens.length != n) {
      throw new IllegalArgumentException("got " + lastTokens.length + " tokens for " + n + " rows");
    }
    int v = targetVocabulary.size();
    for (int i = 0; i < n; i++) {
      if (lastTokens[i] < 0 || lastTokens[i] >= v) {
        throw new IllegalArgumentException("token " + lastTokens[i] + " at row " + i + " is outside [0, " + v + ")");
      }
    }
    Seq2SeqNetwork.StepResult r = network.step(state.h, state.c, lastTokens, state.memory, state.rows);
    return new Step<>(LogProbs.fromLogits(n, v, r.logits()), new Seq2SeqState(r.h(), r.c(), state.rows, state.memory, state.hidden));
  }

  /** This model with {@code <pad>} and {@code <bos>} banned (renormalised), the view decoders should use. */
  public StepModel<Seq2SeqState> forDecoding() {
    return new BannedTokens<>(this, Vocabulary.PAD_ID, Vocabulary.BOS_ID);
  }

  /** {@link #forDecoding()} with {@code <unk>} banned as well, so outputs contain only real words. */
  public StepModel<Seq2SeqState> forDecodingWithoutUnknown() {
    return new BannedTokens<>(this, Vocabulary.PAD_ID, Vocabulary.BOS_ID, Vocabulary.UNK_ID);
  }

  @Override
  public int vocabSize() {
    return targetVocabulary.size();
  }

  @Override
  public int bosId() {
    return Vocabulary.BOS_ID;
  }

  @Override
  public int eosId() {
    return Vocabulary.EOS_ID;
  }

  /**
   * The attention weights while the model reads {@code output} (teacher-forced), for heatmaps.
   *
   * @return {@code [output.length + 1][source.length]}: row t is the distribution over source
   *     positions used to predict output token t (the last row predicts {@code <eos>})
   * @throws IllegalStateException for a model without attention
   */
  public double[][] attentionWeights(int[] source, int[] output) {
    if (!network.hasAttention()) {
      throw new IllegalStateException("this model has no attention (" + config().signature() + ")");
    }
    Seq2SeqState state = encode(List.of(source));
    int[] last = {bosId()};
    double[][] out = new double[output.length + 1][];
    for (int t = 0; t <= output.length; t++) {
      Seq2SeqNetwork.StepResult r = network.step(state.h, state.c, last, state.memory, state.rows);
      out[t] = Arrays.copyOf(r.weights(), source.length);
      state = new Seq2SeqState(r.h(), r.c(), state.rows, state.memory, state.hidden);
      if (t < output.length) {
        last = new int[] {output[t]};
      }
    }
    return out;
  }

  /**
   * Mean cross-entropy per target token (nats, {@code <eos>} included) over pairs, in batches of 64.
   * Runs the training graph (whose output layer reuses a buffer), so calls are serialised.
   */
  public synchronized double evaluate(List<int[]> sources, List<int[]> targets) {
    if (sources.size() != targets.size() || sources.isEmpty()) {
      throw new IllegalArgumentException("need as many targets as sources (>= 1), got " + sources.size() + " and "
          + targets.size());
    }
    double total = 0;
    long tokens = 0;
    for (int from = 0; from < sources.size(); from += 64) {
      int to = Math.min(sources.size(), from + 64);
      Seq2SeqBatch b = Seq2SeqBatch.of(sources.subList(from, to), targets.subList(from, to));
      try (Tape tape = new Tape()) {
        total += network.loss(tape, b, false, 0).value().getDouble(0) * b.targetTokens();
      }
      tokens += b.targetTokens();
    }
    return total / tokens;
  }

  /** Writes the model into {@code dir} ({@link Seq2SeqFiles}). */
  public void save(Path dir) throws IOException {
    Seq2SeqFiles.save(this, dir);
  }

  /** Reads a model written by {@link #save}. */
  public static Seq2SeqModel load(Path dir) throws IOException {
    return Seq2SeqFiles.load(dir);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Seq2SeqModel[%s, %d -> %d tokens, %,d parameters]", config().signature(),
        sourceVocabulary.size(), targetVocabulary.size(), parameterCount());
  }
}
