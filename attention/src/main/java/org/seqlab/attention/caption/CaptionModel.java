package org.seqlab.attention.caption;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.attention.SpatialAttention;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.ShapeOps;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.decoding.Hypothesis;
import org.seqlab.decoding.LogProbs;
import org.seqlab.decoding.StepModel;
import org.seqlab.sequence.CellState;
import org.seqlab.sequence.RecurrentOutput;

/**
 * A trained image caption model: describes images, and plugs into the decoders of {@code
 * org.seqlab.decoding} as a {@link StepModel}.
 *
 * <pre>{@code
 * CaptionModel model = CaptionModel.load(Path.of("caption.spf"));
 * Caption c = model.describe(Images.read(Path.of("scene.png")), DecodeOptions.beam(5));
 * System.out.println(c.text());           // a small red circle to the left of a large blue square
 * }</pre>
 *
 * <p>Thread-safe: every call allocates its own tape and buffers and only reads the parameters
 * (batch norm uses its running statistics), so one loaded model can serve concurrent requests.
 * Train with {@link CaptionTrainer}; {@link #save}/{@link #load} use {@link CaptionModelFormat}.
 */
public final class CaptionModel implements StepModel<CaptionState> {
  private final CaptionNetwork net;
  private final Vocabulary vocabulary;
  private final Map<String, String> provenance;

  CaptionModel(CaptionNetwork net, Vocabulary vocabulary, Map<String, String> provenance) {
    this.net = Objects.requireNonNull(net, "net");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.provenance = Map.copyOf(provenance);
    if (vocabulary.size() != net.vocabSize) {
      throw new IllegalArgumentException("vocabulary of " + vocabulary.size() + " tokens for a network of " + net.vocabSize);
    }
  }

  /** Reads a model written by {@link #save} (see {@link CaptionModelFormat#read(Path)}). */
  public static CaptionModel load(Path path) throws IOException {
    return CaptionModelFormat.read(path);
  }

  /** Writes the model atomically with its version, checksum, configuration and vocabulary. */
  public void save(Path path) throws IOException {
    CaptionModelFormat.write(this, path);
  }

  public CaptionModelConfig config() {
    return net.config;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Run facts saved with the model ({@code run.*}: seed, steps, data signature, training time). */
  public Map<String, String> provenance() {
    return provenance;
  }

  /** The configuration signature, for logs and {@code GET /models}. */
  public String signature() {
    return net.config.signature();
  }

  CaptionNetwork network() {
    return net;
  }

  /** Captions one image. */
  public Caption describe(BufferedImage image, DecodeOptions options) {
    return describeAll(List.of(Objects.requireNonNull(image, "image")), options).get(0);
  }

  /**
   * Captions encoded image bytes (PNG, JPEG, GIF, BMP), e.g. an HTTP request body.
   *
   * @throws IOException when the bytes are not a decodable image
   */
  public Caption describe(byte[] imageBytes, DecodeOptions options) throws IOException {
    return describe(Images.decode(imageBytes, "image"), options);
  }

  /** Captions a batch of images in one decoding run (faster than one at a time). */
  public List<Caption> describeAll(List<BufferedImage> images, DecodeOptions options) {
    Objects.requireNonNull(options, "options");
    if (images.isEmpty()) {
      return List.of();
    }
    CaptionState start = initialState(images);
    List<List<Hypothesis>> hyps = options.decoder().decode(this, start);
    List<Caption> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      Hypothesis best = hyps.get(i).get(0);
      int[] ids = best.tokens();
      double[][] att = options.attentionMaps() && net.attends() ? attention(start.reorder(new int[] {i}), ids) : null;
      List<String> words = vocabulary.decode(ids);
      out.add(new Caption(String.join(" ", words), words, best.logProb(), best.score(), att,
          net.attends() ? net.encoder.gridSize() : 0));
    }
    return out;
  }

  /** Encodes images into one decoder row each. */
  public CaptionState initialState(List<BufferedImage> images) {
    int s = net.config.imageSize();
    double[] px = new double[images.size() * s * s * 3];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(Images.pixels(images.get(i), s), 0, px, i * s * s * 3, s * s * 3);
    }
    return initialState(Nd4j.createFromArray(px).reshape('c', images.size(), s, s, 3));
  }

  /**
   * Encodes a batch of model inputs.
   *
   * @param pixels {@code [N, S, S, 3]} in {@code [-1, 1]}
   */
  public CaptionState initialState(INDArray pixels) {
    try (Tape tape = new Tape()) {
      CaptionNetwork.Start st = net.start(tape, pixels.castTo(net.type), false);
      int n = Math.toIntExact(st.features().shape()[0]); // features [N, L, D]
      CaptionState.Memory mem = new CaptionState.Memory(n, net.attends() ? net.attention.constant(tape, st.features()) : null);
      int[] rows = new int[n];
      Arrays.setAll(rows, i -> i);
      return new CaptionState(mem, rows, toArray(st.state().h().value()), toArray(st.state().c().value()),
          net.config.hiddenSize());
    }
  }

  @Override
  public Step<CaptionState> step(CaptionState state, int[] lastTokens) {
    StepResult r = run(state, lastTokens);
    return new Step<>(r.logProbs, r.next);
  }

  private record StepResult(LogProbs logProbs, CaptionState next, double[] weights) {}

  private StepResult run(CaptionState state, int[] lastTokens) {
    int rows = state.rows();
    if (lastTokens.length != rows) {
      throw new IllegalArgumentException("got " + lastTokens.length + " tokens for " + rows + " rows");
    }
    int h = net.config.hiddenSize();
    try (Tape tape = new Tape()) {
      Variable w = net.embedding.lookup(tape, lastTokens, new long[] {rows, net.config.embedDim()}); // [R, E]
      CellState prev = new CellState(constant(tape, state.h, rows, h), constant(tape, state.c, rows, h));
      CaptionState.Memory m = state.memory;
      Variable x = w;
      SpatialAttention.Read read = null;
      if (net.attends()) {
        read = net.attention.attend(tape, m.attention(), prev.h(), state.image); // context [R, D]
        x = ShapeOps.concat(1, w, read.context()); // [R, E + D]
      }
      RecurrentOutput o = net.lstm.forward(tape, ShapeOps.reshape(x, rows, 1, x.shape()[1]), null, prev);
      Variable hNew = o.finalState().h(); // [R, H]
      Variable top = read == null ? hNew : ShapeOps.concat(1, hNew, read.context());
      double[] logits = toArray(net.output.forward(tape, top).value()); // [R * V]
      int v = net.vocabSize;
      for (int r = 0; r < rows; r++) {
        logits[r * v + Vocabulary.PAD_ID] = Double.NEGATIVE_INFINITY;
        logits[r * v + Vocabulary.UNK_ID] = Double.NEGATIVE_INFINITY;
        logits[r * v + Vocabulary.BOS_ID] = Double.NEGATIVE_INFINITY;
      }
      CaptionState next = new CaptionState(m, state.image.clone(), toArray(hNew.value()),
          toArray(o.finalState().c().value()), h);
      return new StepResult(LogProbs.fromLogits(rows, v, logits), next, read == null ? null : read.weights());
    }
  }

  /** Teacher-forces {@code tokens} then {@code <eos>} from a one-row state: {@code [T + 1][L]} weights. */
  private double[][] attention(CaptionState one, int[] tokens) {
    double[][] out = new double[tokens.length + 1][];
    CaptionState s = one;
    int prev = bosId();
    for (int t = 0; t <= tokens.length; t++) {
      StepResult r = run(s, new int[] {prev});
      out[t] = r.weights;
      s = r.next;
      prev = t < tokens.length ? tokens[t] : eosId();
    }
    return out;
  }

  @Override
  public int vocabSize() {
    return net.vocabSize;
  }

  @Override
  public int bosId() {
    return Vocabulary.BOS_ID;
  }

  @Override
  public int eosId() {
    return Vocabulary.EOS_ID;
  }

  private Variable constant(Tape tape, double[] v, long... shape) {
    return tape.constant(Nd4j.createFromArray(v).reshape('c', shape).castTo(net.type));
  }

  static double[] toArray(INDArray a) {
    return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  @Override
  public String toString() {
    return "CaptionModel[" + signature() + ", " + vocabulary.size() + " tokens]";
  }
}
