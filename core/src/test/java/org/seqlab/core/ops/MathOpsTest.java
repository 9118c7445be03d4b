package org.seqlab.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seqlab.core.Fixtures.param;
import static org.seqlab.core.Fixtures.values;
import static org.seqlab.core.Fixtures.weightedSum;

import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

class MathOpsTest {
  private static final double TOL = 1e-6;

  private static void checkBinary(BinaryOperator<Variable> op, long[] aShape, long[] bShape) {
    Parameter a = param("a", 1, aShape);
    Parameter b = param("b", 2, bShape);
    if (op == (BinaryOperator<Variable>) MathOps::div) {
      b.value().assign(b.value().add(3)); // keep the divisor away from 0
    }
    GradientCheck.check(List.of(a, b), t -> weightedSum(t, op.apply(t.watch(a), t.watch(b)), 3))
        .assertOk(TOL);
  }

  @Test
  void elementwiseGradientsSameShape() {
    long[] s = {2, 3, 4};
    checkBinary(MathOps::add, s, s);
    checkBinary(MathOps::sub, s, s);
    checkBinary(MathOps::mul, s, s);
    checkBinary(MathOps::div, s, s);
  }

  @Test
  void elementwiseGradientsBroadcastTrailingVector() {
    long[] a = {2, 3, 4};
    long[] b = {4};
    for (BinaryOperator<Variable> op : List.<BinaryOperator<Variable>>of(MathOps::add, MathOps::sub, MathOps::mul, MathOps::div)) {
      checkBinary(op, a, b);
      checkBinary(op, b, a);
    }
  }

  @Test
  void elementwiseGradientsBroadcastMiddleAndLeadingAxes() {
    checkBinary(MathOps::mul, new long[] {2, 3, 4}, new long[] {2, 1, 4});
    checkBinary(MathOps::add, new long[] {2, 1, 4}, new long[] {1, 3, 1});
    checkBinary(MathOps::sub, new long[] {3, 4}, new long[] {3, 1});
    checkBinary(MathOps::div, new long[] {1, 4}, new long[] {3, 4});
  }

  @Test
  void broadcastForwardValues() {
    try (Tape t = new Tape()) {
      Variable a = t.constant(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));
      Variable b = t.constant(Nd4j.createFromArray(10.0, 20.0, 30.0));
      assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, values(MathOps.add(a, b).value()), 0);
      assertArrayEquals(new double[] {-9, -18, -27, -6, -15, -24}, values(MathOps.sub(a, b).value()), 0);
      assertArrayEquals(new double[] {10, 40, 90, 40, 100, 180}, values(MathOps.mul(a, b).value()), 0);
      assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.4, 0.25, 0.2}, values(MathOps.div(a, b).value()), 1e-15);
    }
  }

  @Test
  void incompatibleShapesAreRejectedWithBothShapes() {
    try (Tape t = new Tape()) {
      Variable a = t.constant(Nd4j.zeros(2, 3));
      Variable b = t.constant(Nd4j.zeros(4));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MathOps.add(a, b));
      assertEquals(true, e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    }
  }

  @Test
  void matmulForwardByHand() {
    try (Tape t = new Tape()) {
      Variable a = t.constant(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
      Variable b = t.constant(Nd4j.createFromArray(new double[][] {{1, 0, 2}, {-1, 3, 1}}));
      Variable c = MathOps.matmul(a, b);
      assertArrayEquals(new long[] {3, 3}, c.shape());
      assertArrayEquals(new double[] {-1, 6, 4, -1, 12, 10, -1, 18, 16}, values(c.value()), 0);
    }
  }

  @Test
  void matmulGradients2dAnd3d() {
    Parameter w = param("w", 5, 4, 3);
    Parameter x2 = param("x2", 6, 5, 4);
    Parameter x3 = param("x3", 7, 2, 5, 4);
    GradientCheck.check(List.of(w, x2), t -> weightedSum(t, MathOps.matmul(t.watch(x2), t.watch(w)), 8))
        .assertOk(TOL);
    GradientCheck.check(List.of(w, x3), t -> weightedSum(t, MathOps.matmul(t.watch(x3), t.watch(w)), 9))
        .assertOk(TOL);
  }

  @Test
  void matmul3dEqualsPerBatchProducts() {
    INDArray x = org.seqlab.core.Fixtures.random(1, 2, 3, 4);
    INDArray w = org.seqlab.core.Fixtures.random(2, 4, 5);
    try (Tape t = new Tape()) {
      INDArray y = MathOps.matmul(t.constant(x), t.constant(w)).value(); // [2, 3, 5]
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 5; j++) {
            double s = 0;
            for (int k = 0; k < 4; k++) {
              s += x.getDouble(b, i, k) * w.getDouble(k, j);
            }
            assertEquals(s, y.getDouble(b, i, j), 1e-12);
          }
        }
      }
    }
  }

  @Test
  void bmmAllTransposeCombinations() {
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        Parameter a = ta ? param("a", 1, 2, 4, 3) : param("a", 1, 2, 3, 4); // op(a): [2, 3, 4]
        Parameter b = tb ? param("b", 2, 2, 5, 4) : param("b", 2, 2, 4, 5); // op(b): [2, 4, 5]
        try (Tape t = new Tape()) {
          INDArray y = MathOps.bmm(t.constant(a.value()), t.constant(b.value()), ta, tb).value();
          assertArrayEquals(new long[] {2, 3, 5}, y.shape());
          for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 3; i++) {
              for (int j = 0; j < 5; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                  double av = ta ? a.value().getDouble(n, k, i) : a.value().getDouble(n, i, k);
                  double bv = tb ? b.value().getDouble(n, j, k) : b.value().getDouble(n, k, j);
                  s += av * bv;
                }
                assertEquals(s, y.getDouble(n, i, j), 1e-12, "ta=" + ta + " tb=" + tb);
              }
            }
          }
        }
        GradientCheck.check(List.of(a, b), t -> weightedSum(t, MathOps.bmm(t.watch(a), t.watch(b), ta, tb), 3))
            .assertOk(TOL);
      }
    }
  }

  @Test
  void reductionsAndScalarOps() {
    Parameter a = param("a", 11, 2, 3, 4);
    GradientCheck.check(List.of(a), t -> MathOps.scale(MathOps.sum(t.watch(a)), 2.5)).assertOk(TOL);
    GradientCheck.check(List.of(a), t -> weightedSum(t, MathOps.mean(t.watch(a)), 1)).assertOk(TOL);
    for (int axis = -1; axis < 3; axis++) {
      int ax = axis;
      GradientCheck.check(List.of(a), t -> weightedSum(t, MathOps.sum(t.watch(a), ax), 4)).assertOk(TOL);
      GradientCheck.check(List.of(a), t -> weightedSum(t, MathOps.mean(t.watch(a), ax), 5)).assertOk(TOL);
    }
    GradientCheck.check(List.of(a), t -> weightedSum(t, MathOps.addScalar(t.watch(a), 3), 6)).assertOk(TOL);
    GradientCheck.check(List.of(a), t -> weightedSum(t, MathOps.rsubScalar(1, t.watch(a)), 7)).assertOk(TOL);
  }

  @Test
  void reductionForwardValues() {
    try (Tape t = new Tape()) {
      Variable a = t.constant(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));
      assertEquals(21, MathOps.sum(a).value().getDouble(0), 0);
      assertEquals(3.5, MathOps.mean(a).value().getDouble(0), 0);
      assertArrayEquals(new double[] {5, 7, 9}, values(MathOps.sum(a, 0).value()), 0);
      assertArrayEquals(new long[] {2, 1}, MathOps.sum(a, 1).shape());
      assertArrayEquals(new double[] {2, 5}, values(MathOps.mean(a, 1).value()), 0);
      assertArrayEquals(new double[] {0, -1, -2, -3, -4, -5}, values(MathOps.rsubScalar(1, a).value()), 0);
    }
  }
}
