package org.seqlab.examples.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.decoding.ctc.CtcBeamConfig;
import org.seqlab.decoding.ctc.CtcGreedyDecoder;
import org.seqlab.decoding.ctc.CtcHypothesis;
import org.seqlab.decoding.ctc.CtcPrefixBeamSearch;
import org.seqlab.decoding.ctc.Frames;
import org.seqlab.decoding.ctc.NgramLanguageModel;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.ctc.CtcConfig;
import org.seqlab.sequence.ctc.CtcLoss;

/** The README's "CTC and speech" snippet, compiled and run. */
class ReadmeSnippetTest {
  @Test
  void snippetRuns() {
    FeatureConfig fc = AcousticModelTest.tinyFeatures();
    AcousticModel model = DigitRecognizer.create(fc, CellType.GRU, 4, 1, 0.0, 1).model();
    float[][] a = fc.compute(AcousticModelTest.noise(1, 3000));
    float[][] b = fc.compute(AcousticModelTest.noise(2, 2000));
    INDArray x = AcousticModel.pad(List.of(a, b), fc.width());
    int[] lengths = {a.length, b.length};
    int[][] targets = {{1, 2, 2}, {10}};
    long seed = 3;
    List<String> lines = List.of("123", "1234", "99");

    CtcLoss ctc = new CtcLoss(CtcConfig.defaults().withZeroInfinity(true)); // blank 0, mean over the batch
    Variable logits;
    try (Tape tape = new Tape()) {
      logits = model.logits(tape, x, lengths, true, seed); // [B, T, C]
      CtcLoss.Output out = ctc.forward(logits, targets, lengths); // int[][] targets, int[] lengths
      tape.backward(out.loss());
    }
    double[][] logProbs = Frames.logSoftmax(logits.value(), 0, lengths[0]); // [T][C]
    int[] best = new CtcGreedyDecoder(0).decode(logProbs);
    NgramLanguageModel lm = NgramLanguageModel.trainOnText(lines, "0123456789", 3);
    List<CtcHypothesis> hyps =
        new CtcPrefixBeamSearch(CtcBeamConfig.of(8).withLm(0.5, 1.0), lm.withClassOffset(1)).decode(logProbs);

    assertEquals(lengths[0], logProbs.length);
    assertTrue(hyps.size() >= 1 && best.length <= lengths[0]);
    assertTrue(model.parameters().globalNorm() > 0, "the backward pass reached the parameters");
  }
}
