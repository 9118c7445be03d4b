package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ops.Losses;
import org.seqlab.corpora.audio.Audio;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.RecurrentConfig;

/**
 * A trigger-word detector: a GRU {@link AcousticModel} of kind {@value #KIND} with two classes per
 * frame, 1 meaning "the trigger word just ended". A unidirectional (causal) model can run on a
 * stream; a bidirectional one sees the whole word and its right context and is more accurate on
 * recordings. The alphabet holds the trigger's label (one character). {@link #detect} picks peaks
 * of {@code P(1)}.
 */
public final class TriggerDetector {
  /** The model kind. */
  public static final String KIND = "trigger";

  /** Default peak-picking threshold on {@code P(trigger just ended)}. */
  public static final double THRESHOLD = 0.5;

  /** Default refractory period in seconds: one trigger word gives one detection. */
  public static final double REFRACTORY = 0.5;

  private final AcousticModel model;

  public TriggerDetector(AcousticModel model) {
    this.model = Objects.requireNonNull(model, "model");
    if (!KIND.equals(model.kind()) || model.classes() != 2) {
      throw new IllegalArgumentException("need a 2-class " + KIND + " model, got " + model.signature());
    }
  }

  /**
   * A new, untrained detector.
   *
   * @param trigger the trigger word's label (a digit)
   */
  public static TriggerDetector create(FeatureConfig features, int hidden, int trigger, int layers) {
    return create(features, hidden, trigger, layers, false, 1);
  }

  /** @param bidirectional false for a causal (streaming) detector */
  public static TriggerDetector create(FeatureConfig features, int hidden, int trigger, int layers, boolean bidirectional, long seed) {
    if (trigger < 0 || trigger > 9) {
      throw new IllegalArgumentException("trigger must be a digit 0-9, got " + trigger);
    }
    RecurrentConfig enc = new RecurrentConfig(CellType.GRU, features.width(), hidden, layers, bidirectional, 0.0, false);
    return new TriggerDetector(new AcousticModel(KIND, enc, 2, features, Integer.toString(trigger), seed));
  }

  public static TriggerDetector load(Path path) throws IOException {
    return new TriggerDetector(AcousticModel.load(path, KIND));
  }

  public AcousticModel model() {
    return model;
  }

  /** The trigger's label. */
  public int trigger() {
    return Integer.parseInt(model.alphabet());
  }

  /**
   * Per-frame cross-entropy over all frames, with weight {@code positiveWeight} on frames labelled
   * 1 (the batch targets are per-frame 0/1 labels, padded to {@code T}).
   */
  public static SpeechTrainer.Objective objective(double positiveWeight) {
    return (logits, batch) -> {
      long[] s = logits.shape(); // [B, T, C]
      int b = (int) s[0];
      int t = (int) s[1];
      int[] y = new int[b * t];
      double[][] w = new double[b][t];
      for (int i = 0; i < b; i++) {
        for (int f = 0; f < batch.lengths()[i]; f++) {
          y[i * t + f] = batch.targets()[i][f];
          w[i][f] = y[i * t + f] == 1 ? positiveWeight : 1;
        }
      }
      INDArray mask = Nd4j.createFromArray(w).castTo(logits.value().dataType()); // [B, T]
      return Losses.crossEntropy(logits, y, mask, Losses.Reduction.MEAN);
    };
  }

  /** {@code P(trigger just ended)} per frame. */
  public double[] probabilities(Audio audio) {
    float[][] f = model.features().compute(audio);
    return probabilities(model.logits(f), 0, f.length);
  }

  static double[] probabilities(INDArray logits, int b, int length) {
    double[] p = new double[length];
    for (int t = 0; t < length; t++) {
      double z0 = logits.getDouble(b, t, 0);
      double z1 = logits.getDouble(b, t, 1);
      p[t] = 1 / (1 + Math.exp(z0 - z1));
    }
    return p;
  }

  /** Detection times in seconds (end of the peak frame). */
  public double[] detect(Audio audio, double threshold, double refractory) {
    return Detections.peaks(probabilities(audio), model.features().frameRate(), threshold, refractory);
  }
}
