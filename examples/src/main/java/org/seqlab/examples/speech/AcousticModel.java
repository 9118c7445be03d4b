package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.nn.Linear;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.RecurrentConfig;
import org.seqlab.sequence.StackedRecurrent;

/**
 * A recurrent acoustic model: features {@code [B, T, F]} -> (bidirectional) recurrent stack ->
 * linear layer -> per-frame class scores {@code [B, T, C]}. Used with a CTC loss (speech
 * recognition) or a per-frame cross-entropy (trigger detection).
 *
 * <p>Files ({@link #save}) are core {@link ParameterFile}s (magic, version, CRC32, atomic write)
 * whose metadata holds {@code format=seqlab-speech}, {@code format.version}, the model kind, the
 * encoder and feature settings, the label alphabet and run provenance ({@code run.*}).
 */
public final class AcousticModel {
  /** The metadata value of {@code format}. */
  public static final String FORMAT = "seqlab-speech";

  /** The metadata layout version written and read. */
  public static final int FORMAT_VERSION = 1;

  private final String kind;
  private final RecurrentConfig encoder;
  private final int classes;
  private final FeatureConfig features;
  private final String alphabet;
  private final ParameterSet params = new ParameterSet();
  private final StackedRecurrent rnn;
  private final Linear output;
  private final Map<String, String> provenance = new LinkedHashMap<>();

  /**
   * @param kind what the model does, e.g. {@code ctc-digits} or {@code trigger}
   * @param encoder the recurrent stack; its input size must equal {@code features.width()}
   * @param classes output classes {@code C}
   * @param alphabet the labels' characters (for CTC, class {@code i + 1} is {@code alphabet[i]} and 0 is blank)
   */
  public AcousticModel(String kind, RecurrentConfig encoder, int classes, FeatureConfig features, String alphabet, long seed) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.features = Objects.requireNonNull(features, "features");
    this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
    if (encoder.inputSize() != features.width()) {
      throw new IllegalArgumentException(
          "encoder input size " + encoder.inputSize() + " differs from the feature width " + features.width());
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
    this.classes = classes;
    this.rnn = new StackedRecurrent(params, "enc", encoder, DataType.FLOAT, Seeds.derive(seed, "enc"));
    this.output = new Linear(params, "out", encoder.outputSize(), classes, DataType.FLOAT, Seeds.derive(seed, "out"));
  }

  public String kind() {
    return kind;
  }

  public RecurrentConfig encoder() {
    return encoder;
  }

  public int classes() {
    return classes;
  }

  public FeatureConfig features() {
    return features;
  }

  public String alphabet() {
    return alphabet;
  }

  public ParameterSet parameters() {
    return params;
  }

  /** Run facts saved with the model ({@code run.*} keys). */
  public Map<String, String> provenance() {
    return Map.copyOf(provenance);
  }

  void putProvenance(String key, String value) {
    if (!key.startsWith("run.")) {
      throw new IllegalArgumentException("provenance keys start with 'run.', got " + key);
    }
    provenance.put(key, value);
  }

  /** For example {@code speech|ctc-digits|gru|in:80|hid:128|layers:2|bi:1|drop:0.1|peep:0|classes:11|logmel|...}. */
  public String signature() {
    return "speech|" + kind + "|" + encoder.signature() + "|classes:" + classes + "|" + features.signature();
  }

  /** Pads utterances into {@code [B, Tmax, F]} FLOAT with zeros after each length. */
  public static INDArray pad(List<float[][]> utterances, int width) {
    int tmax = 1;
    for (float[][] u : utterances) {
      tmax = Math.max(tmax, u.length);
    }
    float[] flat = new float[utterances.size() * tmax * width];
    for (int b = 0; b < utterances.size(); b++) {
      float[][] u = utterances.get(b);
      for (int t = 0; t < u.length; t++) {
        System.arraycopy(u[t], 0, flat, (b * tmax + t) * width, width);
      }
    }
    return Nd4j.createFromArray(flat).reshape('c', utterances.size(), tmax, width);
  }

  /**
   * Class scores.
   *
   * @param x {@code [B, T, F]} padded features
   * @param lengths valid frames per utterance, each in {@code [1, T]}
   * @return {@code [B, T, C]} logits
   */
  public Variable logits(Tape tape, INDArray x, int[] lengths, boolean training, long dropoutSeed) {
    StackedRecurrent.Output h = rnn.forward(tape, tape.constant(x), lengths, null, training, dropoutSeed); // [B, T, H or 2H]
    return output.forward(tape, h.outputs()); // [B, T, C]
  }

  /** Logits of one utterance without training: {@code [1, T, C]}. */
  public INDArray logits(float[][] utterance) {
    if (utterance.length == 0) {
      throw new IllegalArgumentException("the recording is too short: it has no feature frame");
    }
    try (Tape tape = new Tape()) {
      return logits(tape, pad(List.<float[][]>of(utterance), features.width()), new int[] {utterance.length}, false, 0).value();
    }
  }

  /** Writes the model atomically. */
  public void save(Path path) throws IOException {
    ParameterFile.write(path, params, metadata());
  }

  Map<String, String> metadata() {
    Map<String, String> m = new LinkedHashMap<>(provenance);
    m.put("format", FORMAT);
    m.put("format.version", Integer.toString(FORMAT_VERSION));
    m.put(ParameterFile.KIND, kind);
    m.put(ParameterFile.SIGNATURE, signature());
    m.put("encoder.cell", encoder.cell().name());
    m.put("encoder.input", Integer.toString(encoder.inputSize()));
    m.put("encoder.hidden", Integer.toString(encoder.hiddenSize()));
    m.put("encoder.layers", Integer.toString(encoder.layers()));
    m.put("encoder.bidirectional", Boolean.toString(encoder.bidirectional()));
    m.put("encoder.dropout", Double.toString(encoder.dropout()));
    m.put("classes", Integer.toString(classes));
    m.put("alphabet", alphabet);
    m.putAll(features.toMetadata());
    return m;
  }

  /**
   * Reads a model written by {@link #save}.
   *
   * @param expectedKind the kind the caller needs, or null for any
   * @throws IOException naming the path when the file is missing, corrupt, of another format,
   *     version or kind, or its tensors do not match its settings
   */
  public static AcousticModel load(Path path, String expectedKind) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(path);
    Map<String, String> m = c.metadata();
    if (!FORMAT.equals(m.get("format"))) {
      throw new IOException(path + ": not a seqlab speech model (format '" + m.get("format") + "', expected '" + FORMAT + "')");
    }
    if (!Integer.toString(FORMAT_VERSION).equals(m.get("format.version"))) {
      throw new IOException(path + ": speech model format version " + m.get("format.version") + " is not supported (this build reads " + FORMAT_VERSION + ")");
    }
    if (expectedKind != null && !expectedKind.equals(m.get(ParameterFile.KIND))) {
      throw new IOException(path + ": a '" + m.get(ParameterFile.KIND) + "' model, expected '" + expectedKind + "'");
    }
    AcousticModel model;
    try {
      RecurrentConfig enc = new RecurrentConfig(CellType.valueOf(field(m, "encoder.cell")), Integer.parseInt(field(m, "encoder.input")),
          Integer.parseInt(field(m, "encoder.hidden")), Integer.parseInt(field(m, "encoder.layers")),
          Boolean.parseBoolean(field(m, "encoder.bidirectional")), Double.parseDouble(field(m, "encoder.dropout")), false);
      model = new AcousticModel(field(m, ParameterFile.KIND), enc, Integer.parseInt(field(m, "classes")),
          FeatureConfig.fromMetadata(m), field(m, "alphabet"), 0);
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": bad speech model metadata: " + e.getMessage(), e);
    }
    if (!model.signature().equals(m.get(ParameterFile.SIGNATURE))) {
      throw new IOException(path + ": signature '" + m.get(ParameterFile.SIGNATURE) + "' does not match its fields ('" + model.signature() + "')");
    }
    for (var p : model.params.list()) {
      INDArray t = c.tensors().get(p.name());
      if (t == null || !Arrays.equals(t.shape(), p.shape())) {
        throw new IOException(path + ": tensor '" + p.name() + "' is " + (t == null ? "missing" : "of shape " + Arrays.toString(t.shape()))
            + "; the model expects " + Arrays.toString(p.shape()));
      }
      p.value().assign(t.castTo(p.value().dataType()));
    }
    m.forEach((k, v) -> {
      if (k.startsWith("run.")) {
        model.provenance.put(k, v);
      }
    });
    return model;
  }

  private static String field(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing field '" + key + "'");
    }
    return v;
  }
}
