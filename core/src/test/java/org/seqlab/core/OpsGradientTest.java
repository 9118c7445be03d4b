package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.init.Init;
import org.seqlab.core.nn.Embedding;
import org.seqlab.core.nn.LayerNorm;
import org.seqlab.core.nn.Linear;
import org.seqlab.core.ops.Activations;
import org.seqlab.core.ops.Dropout;
import org.seqlab.core.ops.Losses;
import org.seqlab.core.ops.Losses.Reduction;
import org.seqlab.core.ops.MathOps;
import org.seqlab.core.ops.ShapeOps;

/**
 * Every op's backward pass against central finite differences in double precision. Losses are
 * weighted sums {@code sum(w * y)} with a fixed random {@code w}, so the upstream gradient is not
 * all ones.
 */
class OpsGradientTest {
  private static final double TOL = 1e-6;
  private static final DataType D = DataType.DOUBLE;

  private static Parameter param(String name, long seed, long... shape) {
    return new Parameter(name, Init.uniform(D, 1.0, seed, shape));
  }

  /** {@code sum(w * y)} for a fixed random w of y's shape. */
  private static Variable weighted(Variable y) {
    INDArray w = Init.uniform(D, 1.0, 99, y.shape());
    return MathOps.sum(MathOps.mul(y, y.tape().constant(w)));
  }

  private static void check(Function<Tape, Variable> f, Parameter... ps) {
    GradientCheck.check(List.of(ps), t -> weighted(f.apply(t))).assertOk(TOL);
  }

  @Test
  void broadcastingArithmetic() {
    Parameter a = param("a", 1, 2, 3, 4);
    Parameter row = param("row", 2, 4);
    Parameter col = param("col", 3, 2, 3, 1);
    check(t -> MathOps.add(t.watch(a), t.watch(row)), a, row);
    check(t -> MathOps.sub(t.watch(col), t.watch(a)), a, col);
    check(t -> MathOps.mul(t.watch(a), t.watch(col)), a, col);
    Parameter pos = new Parameter("pos", Init.uniform(D, 1.0, 4, 4).addi(2)); // away from 0
    check(t -> MathOps.div(t.watch(a), t.watch(pos)), a, pos);
    check(t -> MathOps.scale(t.watch(a), -2.5), a);
    check(t -> MathOps.sum(t.watch(a), 1), a);
    check(t -> MathOps.mean(t.watch(a)), a);
  }

  @Test
  void matmul2dAnd3d() {
    Parameter x = param("x", 5, 3, 4);
    Parameter w = param("w", 6, 4, 5);
    Parameter x3 = param("x3", 7, 2, 3, 4);
    check(t -> MathOps.matmul(t.watch(x), t.watch(w)), x, w);
    check(t -> MathOps.matmul(t.watch(x3), t.watch(w)), x3, w);
  }

  @Test
  void activations() {
    Parameter x = param("x", 8, 3, 5);
    check(t -> Activations.tanh(t.watch(x)), x);
    check(t -> Activations.sigmoid(t.watch(x)), x);
    check(t -> Activations.softmax(t.watch(x)), x);
    check(t -> Activations.logSoftmax(t.watch(x)), x);
    Parameter x3 = param("x3", 9, 2, 3, 4);
    check(t -> Activations.softmax(t.watch(x3)), x3);
    // relu: keep values away from the kink at 0
    INDArray v = Init.uniform(D, 1.0, 10, 3, 5);
    v.addi(v.gt(0).castTo(D).muli(0.2)).subi(v.lt(0).castTo(D).muli(0.2));
    Parameter r = new Parameter("r", v);
    check(t -> Activations.relu(t.watch(r)), r);
  }

  @Test
  void shapeOps() {
    Parameter a = param("a", 11, 2, 3, 4);
    Parameter b = param("b", 12, 2, 2, 4);
    check(t -> ShapeOps.concat(1, t.watch(a), t.watch(b)), a, b);
    check(t -> ShapeOps.split(t.watch(a), 2, 1, 3).get(1), a);
    check(t -> ShapeOps.slice(t.watch(a), 0, 1, 2), a);
    check(t -> ShapeOps.reshape(t.watch(a), 6, 4), a);
    check(t -> ShapeOps.timeStep(t.watch(a), 2), a);
    check(
        t -> ShapeOps.stackSteps(List.of(ShapeOps.timeStep(t.watch(a), 2), ShapeOps.timeStep(t.watch(a), 0))),
        a);
  }

  @Test
  void maskedCrossEntropySumAndMeanWithUpstreamGradient() {
    Parameter z = param("z", 13, 2, 3, 5); // [B, T, C]
    int[] targets = {0, 4, 2, 1, 1, 3};
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 0}, {1, 0, 0}});
    for (Reduction r : Reduction.values()) {
      // the loss goes through tanh and a scale before backward: upstream gradient != 1
      GradientCheck.check(
              List.of(z),
              t -> MathOps.scale(Activations.tanh(Losses.crossEntropy(t.watch(z), targets, mask, r)), 3))
          .assertOk(TOL);
    }
    check(t -> Losses.crossEntropyPerPosition(t.watch(z), targets, mask), z);
  }

  @Test
  void crossEntropyValuesByHand() {
    try (Tape t = new Tape()) {
      // logits (0, ln 3): softmax (1/4, 3/4); target 1 -> -ln(3/4); target 0 -> ln 4
      Variable z = t.constant(Nd4j.createFromArray(new double[][] {{0, Math.log(3)}, {0, Math.log(3)}}));
      double sum = Losses.crossEntropy(z, new int[] {1, 0}, null, Reduction.SUM).value().getDouble(0);
      assertEquals(-Math.log(0.75) + Math.log(4), sum, 1e-12);
      INDArray mask = Nd4j.createFromArray(new double[] {0, 1});
      double mean = Losses.crossEntropy(z, new int[] {1, 0}, mask, Reduction.MEAN).value().getDouble(0);
      assertEquals(Math.log(4), mean, 1e-12);
    }
  }

  @Test
  void embeddingWithDuplicateIds() {
    ParameterSet ps = new ParameterSet();
    Embedding emb = new Embedding(ps, "emb", 5, 3, D, 14);
    int[][] ids = {{1, 3, 1}, {1, 0, 4}}; // id 1 three times
    check(t -> emb.forward(t, ids), emb.table());
  }

  @Test
  void layersLinearLayerNormDropout() {
    ParameterSet ps = new ParameterSet();
    Linear lin = new Linear(ps, "lin", 4, 3, D, 15);
    LayerNorm ln = new LayerNorm(ps, "ln", 4, 1e-5, D);
    Parameter x = param("x", 16, 2, 3, 4);
    // perturb gain and bias away from 1 and 0 so their gradients are generic
    ps.get("ln.gain").value().addi(Init.uniform(D, 0.5, 17, 4));
    ps.get("ln.bias").value().addi(Init.uniform(D, 0.5, 18, 4));
    GradientCheck.check(
            List.of(x, lin.weight(), lin.bias()), t -> weighted(lin.forward(t, t.watch(x))))
        .assertOk(TOL);
    GradientCheck.check(
            List.of(x, ps.get("ln.gain"), ps.get("ln.bias")), t -> weighted(ln.forward(t, t.watch(x))))
        .assertOk(TOL);
    check(t -> Dropout.apply(t.watch(x), 0.4, 19, true), x);
  }

  @Test
  void aBrokenBackwardIsCaught() {
    Parameter x = param("x", 20, 3);
    // a deliberately wrong op: forward x^2, backward claims x
    Function<Tape, Variable> wrong =
        t -> {
          Variable v = t.watch(x);
          return MathOps.sum(t.record(v.value().mul(v.value()), g -> v.addGrad(g.mul(v.value())), v));
        };
    assertThrows(AssertionError.class, () -> GradientCheck.check(List.of(x), wrong).assertOk(TOL));
  }

  @Test
  void gradientCheckRejectsFloatParameters() {
    Parameter f = new Parameter("f", Nd4j.zeros(DataType.FLOAT, 2));
    assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(List.of(f), t -> MathOps.sum(t.watch(f))));
  }

  @Test
  void shapeErrorsNameBothShapes() {
    try (Tape t = new Tape()) {
      Variable a = t.constant(Nd4j.zeros(D, 2, 3));
      Variable b = t.constant(Nd4j.zeros(D, 4, 5));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MathOps.matmul(a, b));
      assertEquals(true, e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"));
      assertThrows(IllegalArgumentException.class, () -> MathOps.add(a, b));
    }
  }
}
