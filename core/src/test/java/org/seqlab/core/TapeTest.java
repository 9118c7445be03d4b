package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ops.MathOps;

class TapeTest {
  private static Parameter w() {
    return new Parameter("w", Nd4j.createFromArray(1.0, -2.0, 3.0));
  }

  @Test
  void watchingTwiceAddsBothContributions() {
    Parameter w = w();
    try (Tape t = new Tape()) {
      assertSame(t.watch(w), t.watch(w));
      // L = sum(w * w) + sum(w): dL/dw = 2w + 1
      Variable loss = MathOps.add(MathOps.sum(MathOps.mul(t.watch(w), t.watch(w))), MathOps.sum(t.watch(w)));
      t.backward(loss);
    }
    assertArrayEquals(new double[] {3, -3, 7}, values(w.grad()), 0);
  }

  @Test
  void sameVariableOnBothSidesOfAnOp() {
    Parameter w = w();
    try (Tape t = new Tape()) {
      Variable x = t.watch(w);
      t.backward(MathOps.sum(MathOps.add(x, x))); // d/dw sum(2w) = 2
    }
    assertArrayEquals(new double[] {2, 2, 2}, values(w.grad()), 0);
  }

  @Test
  void gradientsAccumulateAcrossTapesUntilZeroed() {
    Parameter w = w();
    for (int i = 0; i < 2; i++) {
      try (Tape t = new Tape()) {
        t.backward(MathOps.scale(MathOps.sum(t.watch(w)), 1.5));
      }
    }
    assertArrayEquals(new double[] {3, 3, 3}, values(w.grad()), 0);
    w.zeroGrad();
    assertArrayEquals(new double[] {0, 0, 0}, values(w.grad()), 0);
  }

  @Test
  void frozenParametersGetNoGradient() {
    Parameter w = w();
    w.setFrozen(true);
    try (Tape t = new Tape()) {
      Variable x = t.watch(w);
      assertFalse(x.requiresGrad());
      Variable loss = MathOps.sum(x);
      t.backward(loss);
      assertEquals(0, t.size());
    }
    assertArrayEquals(new double[] {0, 0, 0}, values(w.grad()), 0);
  }

  @Test
  void constantsRecordNothing() {
    try (Tape t = new Tape()) {
      Variable c = t.constant(Nd4j.createFromArray(1.0, 2.0));
      Variable y = MathOps.mul(c, c);
      assertFalse(y.requiresGrad());
      assertEquals(0, t.size());
    }
  }

  @Test
  void misuseIsReported() {
    Parameter w = w();
    Tape t = new Tape();
    Variable loss = MathOps.sum(t.watch(w));
    IllegalArgumentException notScalar =
        assertThrows(IllegalArgumentException.class, () -> t.backward(t.watch(w)));
    assertTrue(notScalar.getMessage().contains("[3]"), notScalar.getMessage());
    t.backward(loss);
    assertThrows(IllegalStateException.class, () -> t.backward(loss));
    try (Tape other = new Tape()) {
      Variable foreign = other.watch(w);
      assertThrows(IllegalArgumentException.class, () -> MathOps.add(t.constant(w.value()), foreign));
    }
    t.close();
    assertThrows(IllegalStateException.class, () -> t.constant(w.value()));
  }

  @Test
  void backwardFromANonScalarOutputWithASeed() {
    Parameter w = w();
    try (Tape t = new Tape()) {
      Variable y = MathOps.scale(t.watch(w), 2);
      t.backward(y, Nd4j.createFromArray(1.0, 10.0, 100.0));
    }
    assertArrayEquals(new double[] {2, 20, 200}, values(w.grad()), 0);
  }

  @Test
  void addGradRejectsWrongShapes() {
    try (Tape t = new Tape()) {
      Variable x = t.watch(w());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> x.addGrad(Nd4j.zeros(2, 3)));
      assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3]"), e.getMessage());
    }
  }
}
