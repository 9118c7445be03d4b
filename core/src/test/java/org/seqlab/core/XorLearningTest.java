package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.nn.Linear;
import org.seqlab.core.ops.Activations;
import org.seqlab.core.ops.Losses;
import org.seqlab.core.ops.Losses.Reduction;
import org.seqlab.core.optim.Adam;

/**
 * End to end: a 2-3-2 tanh MLP learns XOR, which no linear model can. With only three hidden units
 * at random (frozen) the output layer cannot fit it, so the gradient must flow correctly through
 * the loss, the second matmul, tanh and the first matmul.
 */
class XorLearningTest {
  private static final INDArray X =
      Nd4j.createFromArray(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}); // [4, 2]
  private static final int[] Y = {0, 1, 1, 0};

  /** Trains for {@code steps} full-batch Adam steps; returns the final loss and the accuracy. */
  static double[] train(long seed, int steps, boolean freezeHidden) {
    ParameterSet ps = new ParameterSet();
    Linear hidden = new Linear(ps, "h", 2, 3, DataType.FLOAT, Seeds.derive(seed, "h"));
    Linear out = new Linear(ps, "o", 3, 2, DataType.FLOAT, Seeds.derive(seed, "o"));
    hidden.weight().setFrozen(freezeHidden);
    hidden.bias().setFrozen(freezeHidden);
    hidden.bias().value().assign(Nd4j.createFromArray(0.1f, -0.1f, 0.05f));
    Adam adam = new Adam(0.05);
    double loss = Double.NaN;
    INDArray logits = null;
    for (int s = 0; s < steps; s++) {
      try (Tape t = new Tape()) {
        Variable z = out.forward(t, Activations.tanh(hidden.forward(t, t.constant(X)))); // [4, 2]
        Variable l = Losses.crossEntropy(z, Y, null, Reduction.MEAN);
        loss = l.value().getDouble(0);
        logits = z.value();
        t.backward(l);
      }
      adam.step(ps);
    }
    int correct = 0;
    for (int i = 0; i < 4; i++) {
      int pred = logits.getDouble(i, 1) > logits.getDouble(i, 0) ? 1 : 0;
      correct += pred == Y[i] ? 1 : 0;
    }
    return new double[] {loss, correct / 4.0};
  }

  @Test
  void mlpLearnsXorQuickly() {
    long start = System.nanoTime();
    double[] r = train(1, 400, false);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(1.0, r[1], "accuracy, loss " + r[0]);
    assertTrue(r[0] < 0.02, "loss " + r[0]);
    // about 0.5 s on an idle machine; the bound only catches pathological slowdowns on a shared one
    assertTrue(seconds < 60, "took " + seconds + " s");
  }

  @Test
  void withoutTheHiddenLayerGradientItCannotLearnXor() {
    double[] r = train(1, 400, true);
    assertTrue(r[0] > 0.2, "a frozen random hidden layer should not fit XOR; loss " + r[0]);
  }
}
