package org.seqlab.attention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.sequence.CellType;

/**
 * The on-disk form of a {@link Seq2SeqModel}: a directory with
 *
 * <pre>
 *   model.params    core ParameterFile (magic, format version, CRC32, atomic write): the tensors, and
 *                   metadata format=seqlab-seq2seq, format.version=1, the config fields and signature,
 *                   the segmentations, the CRC32 of each vocabulary, run.* provenance
 *   source.vocab    corpora Vocabulary file (versioned, CRC32-checked)
 *   target.vocab
 * </pre>
 *
 * Loading checks every piece: the format and version, the config signature against its fields, each
 * vocabulary's checksum against the one recorded in the parameter file (so files of different models
 * cannot be mixed), and every tensor's presence and shape.
 */
public final class Seq2SeqFiles {
  /** The metadata value of {@code format}. */
  public static final String FORMAT = "seqlab-seq2seq";
  /** The metadata layout version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;
  public static final String PARAMS = "model.params";
  public static final String SOURCE_VOCAB = "source.vocab";
  public static final String TARGET_VOCAB = "target.vocab";

  private Seq2SeqFiles() {}

  static Map<String, String> metadata(Seq2SeqModel m) {
    Seq2SeqConfig c = m.config();
    Map<String, String> meta = new LinkedHashMap<>(m.provenance());
    meta.put("format", FORMAT);
    meta.put("format.version", Integer.toString(FORMAT_VERSION));
    meta.put(ParameterFile.KIND, FORMAT);
    meta.put(ParameterFile.SIGNATURE, c.signature());
    meta.put("cell", c.cell().name());
    meta.put("attention", c.attention().name());
    meta.put("embed", Integer.toString(c.embedDim()));
    meta.put("encoderHidden", Integer.toString(c.encoderHidden()));
    meta.put("decoderHidden", Integer.toString(c.decoderHidden()));
    meta.put("attentionDim", Integer.toString(c.attentionDim()));
    meta.put("outputDim", Integer.toString(c.outputDim()));
    meta.put("dropout", Double.toString(c.dropout()));
    meta.put("source.segmentation", m.sourceSegmentation().label());
    meta.put("target.segmentation", m.targetSegmentation().label());
    meta.put("source.vocab.crc32", m.sourceVocabulary().checksum());
    meta.put("target.vocab.crc32", m.targetVocabulary().checksum());
    meta.put("source.vocab.size", Integer.toString(m.sourceVocabulary().size()));
    meta.put("target.vocab.size", Integer.toString(m.targetVocabulary().size()));
    return meta;
  }

  /** Writes {@code dir/model.params}, {@code dir/source.vocab} and {@code dir/target.vocab}, each atomically. */
  public static void save(Seq2SeqModel m, Path dir) throws IOException {
    Files.createDirectories(dir);
    m.sourceVocabulary().save(dir.resolve(SOURCE_VOCAB));
    m.targetVocabulary().save(dir.resolve(TARGET_VOCAB));
    ParameterFile.write(dir.resolve(PARAMS), m.network().params, metadata(m));
  }

  /**
   * Reads a model directory.
   *
   * @throws IOException naming the file and the problem: missing, corrupt (checksum), another format
   *     or version, vocabularies of another model, tensors that do not match the configuration
   */
  public static Seq2SeqModel load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "a seq2seq model is a directory holding " + PARAMS + ", "
          + SOURCE_VOCAB + " and " + TARGET_VOCAB);
    }
    Path params = dir.resolve(PARAMS);
    ParameterFile.Contents contents = ParameterFile.read(params);
    Map<String, String> m = contents.metadata();
    if (!FORMAT.equals(m.get("format"))) {
      throw new IOException(params + ": not a seq2seq model (format '" + m.get("format") + "', expected '" + FORMAT + "')");
    }
    if (!Integer.toString(FORMAT_VERSION).equals(m.get("format.version"))) {
      throw new IOException(params + ": seq2seq format version " + m.get("format.version")
          + " is not supported (this build reads " + FORMAT_VERSION + ")");
    }
    Seq2SeqConfig config;
    Segmentation srcSeg;
    Segmentation tgtSeg;
    try {
      config = new Seq2SeqConfig(CellType.valueOf(field(m, "cell")), AttentionKind.valueOf(field(m, "attention")),
          intField(m, "embed"), intField(m, "encoderHidden"), intField(m, "decoderHidden"), intField(m, "attentionDim"),
          intField(m, "outputDim"), Double.parseDouble(field(m, "dropout")));
      srcSeg = Segmentation.fromLabel(field(m, "source.segmentation"));
      tgtSeg = Segmentation.fromLabel(field(m, "target.segmentation"));
    } catch (IllegalArgumentException e) {
      throw new IOException(params + ": bad seq2seq metadata: " + e.getMessage(), e);
    }
    if (!config.signature().equals(m.get(ParameterFile.SIGNATURE))) {
      throw new IOException(params + ": config signature '" + m.get(ParameterFile.SIGNATURE)
          + "' does not match its fields ('" + config.signature() + "')");
    }
    Vocabulary src = vocabulary(dir.resolve(SOURCE_VOCAB), m.get("source.vocab.crc32"), params);
    Vocabulary tgt = vocabulary(dir.resolve(TARGET_VOCAB), m.get("target.vocab.crc32"), params);
    Seq2SeqNetwork net = new Seq2SeqNetwork(config, src.size(), tgt.size(), DataType.FLOAT, 0);
    for (Parameter p : net.params.list()) {
      INDArray t = contents.tensors().get(p.name());
      if (t == null || !Arrays.equals(t.shape(), p.shape())) {
        throw new IOException(params + ": tensor '" + p.name() + "' is "
            + (t == null ? "missing" : "of shape " + Arrays.toString(t.shape())) + "; the model expects "
            + Arrays.toString(p.shape()));
      }
      p.value().assign(t.castTo(p.value().dataType()));
    }
    for (String name : contents.tensors().keySet()) {
      if (!net.params.contains(name)) {
        throw new IOException(params + ": tensor '" + name + "' matches no parameter of " + config.signature());
      }
    }
    Map<String, String> prov = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (k.startsWith("run.")) {
        prov.put(k, v);
      }
    });
    return new Seq2SeqModel(net, src, tgt, srcSeg, tgtSeg, prov);
  }

  private static Vocabulary vocabulary(Path file, String expectedCrc, Path params) throws IOException {
    Vocabulary v = Vocabulary.load(file);
    if (!v.checksum().equals(expectedCrc)) {
      throw new IOException(file + ": vocabulary checksum " + v.checksum() + " differs from the " + expectedCrc
          + " recorded in " + params + ": the vocabulary belongs to another model");
    }
    return v;
  }

  private static String field(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing metadata field '" + key + "'");
    }
    return v;
  }

  private static int intField(Map<String, String> m, String key) {
    try {
      return Integer.parseInt(field(m, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("metadata field '" + key + "' is not an integer: " + m.get(key), e);
    }
  }
}
