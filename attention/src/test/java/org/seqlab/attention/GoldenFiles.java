package org.seqlab.attention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.decoding.SequenceScorer;
import org.seqlab.sequence.CellType;

/**
 * Writes the golden model under src/test/resources/golden. Run once per format version, by hand:
 * {@code java -cp ... org.seqlab.attention.GoldenFiles attention/src/test/resources/golden}; the
 * committed files must then keep loading, and scoring, in every later build.
 */
final class GoldenFiles {
  static final String SOURCE = "ein Hund läuft .";
  static final String TARGET = "a dog runs.";

  private GoldenFiles() {}

  static Seq2SeqModel model() {
    Seq2SeqData data = Seq2SeqData.build(Seq2SeqModelTest.PAIRS, Segmentation.WORDS, Segmentation.WORDS, 1);
    Seq2SeqConfig c = Seq2SeqConfig.builder().cell(CellType.GRU).attention(AttentionKind.ADDITIVE).embedDim(4)
        .encoderHidden(3).decoderHidden(4).attentionDim(3).outputDim(4).dropout(0.1).build();
    Seq2SeqNetwork net = new Seq2SeqNetwork(c, data.sourceVocabulary().size(), data.targetVocabulary().size(),
        DataType.FLOAT, 42);
    return new Seq2SeqModel(net, data.sourceVocabulary(), data.targetVocabulary(), Segmentation.WORDS, Segmentation.WORDS,
        Map.of("run.seed", "42"));
  }

  public static void main(String[] args) throws IOException {
    Seq2SeqModel m = model();
    double lp = SequenceScorer.logProbs(m, m.encode(List.of(m.encodeSource(SOURCE))), List.of(m.encodeTarget(TARGET)))[0];
    Map<String, String> prov = new LinkedHashMap<>(m.provenance());
    prov.put("run.golden.logprob", Double.toString(lp)); // what the writing build computed, checked by the test
    new Seq2SeqModel(m.network(), m.sourceVocabulary(), m.targetVocabulary(), m.sourceSegmentation(),
        m.targetSegmentation(), prov).save(Path.of(args[0]).resolve("seq2seq-v1"));
  }
}
