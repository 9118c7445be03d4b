package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.corpora.audio.Audio;
import org.seqlab.decoding.ctc.CtcBeamConfig;
import org.seqlab.decoding.ctc.CtcGreedyDecoder;
import org.seqlab.decoding.ctc.CtcPrefixBeamSearch;
import org.seqlab.decoding.ctc.Frames;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.RecurrentConfig;
import org.seqlab.sequence.ctc.CtcConfig;
import org.seqlab.sequence.ctc.CtcLoss;
import org.seqlab.sequence.ctc.CtcReduction;

/**
 * A CTC speech recogniser over a small alphabet (the spoken digits): an {@link AcousticModel} of
 * kind {@value #KIND} whose class 0 is the blank and class {@code i + 1} the alphabet's {@code i}-th
 * character.
 */
public final class DigitRecognizer {
  /** The model kind. */
  public static final String KIND = "ctc-digits";

  /** The label alphabet of the spoken-digit models. */
  public static final String DIGITS = "0123456789";

  private final AcousticModel model;

  public DigitRecognizer(AcousticModel model) {
    this.model = Objects.requireNonNull(model, "model");
    if (!KIND.equals(model.kind()) || model.classes() != model.alphabet().length() + 1) {
      throw new IllegalArgumentException("need a " + KIND + " model with alphabet + 1 classes, got " + model.signature());
    }
  }

  /** A new, untrained bidirectional recogniser. */
  public static DigitRecognizer create(FeatureConfig features, CellType cell, int hidden, int layers, double dropout, long seed) {
    RecurrentConfig enc = new RecurrentConfig(cell, features.width(), hidden, layers, true, dropout, false);
    return new DigitRecognizer(new AcousticModel(KIND, enc, DIGITS.length() + 1, features, DIGITS, seed));
  }

  public static DigitRecognizer load(Path path) throws IOException {
    return new DigitRecognizer(AcousticModel.load(path, KIND));
  }

  public AcousticModel model() {
    return model;
  }

  /** The CTC training objective: mean over the batch of {@code -log p(labels | x)}, infeasible examples zeroed. */
  public static SpeechTrainer.Objective objective() {
    CtcLoss ctc = new CtcLoss(CtcConfig.defaults().withReduction(CtcReduction.MEAN).withZeroInfinity(true));
    return (logits, batch) -> ctc.forward(logits, classTargets(batch.targets()), batch.lengths()).loss();
  }

  /** Labels {@code 0..9} to CTC classes {@code 1..10}. */
  static int[][] classTargets(int[][] labels) {
    int[][] out = new int[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        out[i][j]++;
      }
    }
    return out;
  }

  /** Log-probabilities {@code [T][C]} of a recording. */
  public double[][] logProbs(Audio audio) {
    float[][] f = model.features().compute(audio);
    return Frames.logSoftmax(model.logits(f), 0, f.length);
  }

  /** Per-utterance log-probabilities of a batch (one forward pass). */
  double[][][] logProbs(INDArray x, int[] lengths) {
    try (Tape tape = new Tape()) {
      Variable logits = model.logits(tape, x, lengths, false, 0);
      double[][][] out = new double[lengths.length][][];
      for (int b = 0; b < lengths.length; b++) {
        out[b] = Frames.logSoftmax(logits.value(), b, lengths[b]);
      }
      return out;
    }
  }

  /** Best-path transcription of a recording. */
  public String transcribe(Audio audio) {
    return text(new CtcGreedyDecoder(0).decode(logProbs(audio)));
  }

  /** Prefix-beam transcription (no language model) of a recording. */
  public String transcribe(Audio audio, int beamWidth) {
    return text(new CtcPrefixBeamSearch(CtcBeamConfig.of(beamWidth)).best(logProbs(audio)));
  }

  /** CTC classes to text. */
  public String text(int[] classes) {
    StringBuilder sb = new StringBuilder();
    for (int c : classes) {
      sb.append(model.alphabet().charAt(c - 1));
    }
    return sb.toString();
  }
}
