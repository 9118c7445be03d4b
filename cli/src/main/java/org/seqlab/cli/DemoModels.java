package org.seqlab.cli;

import java.io.PrintWriter;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Backend;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;
import org.seqlab.core.nn.Linear;
import org.seqlab.core.ops.Activations;
import org.seqlab.core.ops.Losses;
import org.seqlab.core.ops.MathOps;
import org.seqlab.core.optim.Adam;

/** The model part of the demo: the autodiff core checked and trained on a small problem. */
final class DemoModels {
  private DemoModels() {}

  static void run(PrintWriter out, long seed) {
    Backend b = Backend.current();
    out.println("== 4. Autodiff core on " + b.backend().replaceAll(".*\\.", "") + " / " + b.blasVendor());
    // a gradient check of a small two-layer network, in double precision
    Parameter w = new Parameter("w", Init.uniform(DataType.DOUBLE, 1.0, seed, 3, 4));
    Parameter x = new Parameter("x", Init.uniform(DataType.DOUBLE, 1.0, seed + 1, 5, 3));
    int[] targets = {0, 3, 1, 2, 3};
    GradientCheck.Result r =
        GradientCheck.check(
            List.of(w, x),
            t -> Losses.crossEntropy(Activations.tanh(MathOps.matmul(t.watch(x), t.watch(w))), targets, null, Losses.Reduction.MEAN));
    out.printf("   gradient check of tanh(xW) + cross-entropy: max error %.2e over %d elements%n", r.maxRelativeError(), r.checked());
    // XOR with a 2-8-2 network and Adam
    ParameterSet params = new ParameterSet();
    Linear l1 = new Linear(params, "l1", 2, 8, DataType.FLOAT, seed);
    Linear l2 = new Linear(params, "l2", 8, 2, DataType.FLOAT, seed + 1);
    INDArray xs = Nd4j.createFromArray(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    int[] ys = {0, 1, 1, 0};
    Adam adam = new Adam(0.05);
    double loss = Double.NaN;
    for (int step = 0; step < 300; step++) {
      try (Tape tape = new Tape()) {
        Variable logits = l2.forward(tape, Activations.tanh(l1.forward(tape, tape.constant(xs))));
        Variable l = Losses.crossEntropy(logits, ys, null, Losses.Reduction.MEAN);
        loss = l.value().getDouble(0);
        tape.backward(l);
      }
      adam.step(params);
    }
    try (Tape tape = new Tape()) {
      INDArray logits = l2.forward(tape, Activations.tanh(l1.forward(tape, tape.constant(xs)))).value();
      out.printf("   XOR, 2-8-2 tanh network, Adam 0.05, 300 steps: loss %.4f, predictions %s (want [0, 1, 1, 0])%n", loss, java.util.Arrays.toString(logits.argMax(1).toIntVector()));
    }
  }
}
