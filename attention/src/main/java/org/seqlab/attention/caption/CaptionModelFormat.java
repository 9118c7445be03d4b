package org.seqlab.attention.caption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.corpora.Vocabulary;

/**
 * The caption model file: a core {@link ParameterFile} (magic, format version, CRC32, atomic write)
 * holding every parameter (batch-norm running statistics included) as float32, with metadata
 *
 * <pre>
 *   format          seqlab-caption
 *   format.version  1
 *   kind            caption
 *   signature       caption|show-and-tell|px:48|conv:16-32-64|emb:48|hid:192|att:96|drop:0.1
 *   vocab.tokens    the vocabulary's tokens in id order, one per line (specials first)
 *   vocab.checksum  the vocabulary's CRC32 fingerprint, checked on load
 *   run.*           provenance: seed, steps, data and optimizer signatures, training time
 * </pre>
 */
public final class CaptionModelFormat {
  /** The metadata value of {@code format}. */
  public static final String FORMAT = "seqlab-caption";

  /** The layout version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private CaptionModelFormat() {}

  static Map<String, String> metadata(CaptionModel model) {
    Map<String, String> m = new LinkedHashMap<>(model.provenance());
    m.put("format", FORMAT);
    m.put("format.version", Integer.toString(FORMAT_VERSION));
    m.put(ParameterFile.KIND, "caption");
    m.put(ParameterFile.SIGNATURE, model.signature());
    m.put("vocab.tokens", String.join("\n", model.vocabulary().tokens()));
    m.put("vocab.checksum", model.vocabulary().checksum());
    return m;
  }

  /** Writes atomically (temporary file, then rename). */
  static void write(CaptionModel model, Path path) throws IOException {
    for (String t : model.vocabulary().tokens()) {
      if (t.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("vocabulary token contains a newline: '" + t + "'");
      }
    }
    ParameterFile.write(path, model.network().params, metadata(model));
  }

  /**
   * Reads a model.
   *
   * @throws IOException naming the path when the file is missing, truncated, corrupt (checksum), of
   *     another format or version, or its tensors or vocabulary do not match its configuration
   */
  static CaptionModel read(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString(), null, "caption model file does not exist");
    }
    return read(path, ParameterFile.read(path));
  }

  /** Whether a parameter file's metadata says it holds a caption model (of any version). */
  public static boolean isCaptionModel(ParameterFile.Contents contents) {
    return FORMAT.equals(contents.metadata().get("format"));
  }

  /**
   * Builds the model from a parameter file already read (and CRC-checked) by {@link ParameterFile#read},
   * with the checks of {@link #read(Path)}; {@code path} names the file in error messages.
   */
  public static CaptionModel read(Path path, ParameterFile.Contents contents) throws IOException {
    Map<String, String> m = contents.metadata();
    if (!FORMAT.equals(m.get("format"))) {
      throw new IOException(path + ": not a caption model (format '" + m.get("format") + "', expected '" + FORMAT + "')");
    }
    if (!Integer.toString(FORMAT_VERSION).equals(m.get("format.version"))) {
      throw new IOException(path + ": caption model format version " + m.get("format.version")
          + " is not supported (this build reads " + FORMAT_VERSION + ")");
    }
    CaptionModelConfig config;
    Vocabulary vocab;
    try {
      config = CaptionModelConfig.parse(field(m, ParameterFile.SIGNATURE));
      List<String> tokens = List.of(field(m, "vocab.tokens").split("\n", -1));
      vocab = CaptionVocabulary.of(tokens.subList(4, tokens.size()));
      if (!vocab.tokens().equals(tokens) || !vocab.checksum().equals(m.get("vocab.checksum"))) {
        throw new IllegalArgumentException("vocabulary does not match its checksum " + m.get("vocab.checksum"));
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IOException(path + ": bad caption model metadata: " + e.getMessage(), e);
    }
    CaptionNetwork net = new CaptionNetwork(config, vocab.size(), DataType.FLOAT, 0);
    for (Parameter p : net.params.list()) {
      INDArray t = contents.tensors().get(p.name());
      if (t == null || !Arrays.equals(t.shape(), p.shape())) {
        throw new IOException(path + ": tensor '" + p.name() + "' is "
            + (t == null ? "missing" : "of shape " + Arrays.toString(t.shape())) + "; the model expects "
            + Arrays.toString(p.shape()));
      }
      p.value().assign(t.castTo(p.value().dataType()));
    }
    for (String name : contents.tensors().keySet()) {
      if (!net.params.contains(name)) {
        throw new IOException(path + ": tensor '" + name + "' matches no parameter of " + config.signature());
      }
    }
    Map<String, String> prov = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (k.startsWith("run.")) {
        prov.put(k, v);
      }
    });
    return new CaptionModel(net, vocab, prov);
  }

  private static String field(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing metadata field '" + key + "'");
    }
    return v;
  }
}
