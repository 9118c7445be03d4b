package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ops.MathOps;

class GradientCheckTest {
  @Test
  void checksEverySmallParameterElementAndASubsetOfLargeOnes() {
    Parameter small = Fixtures.param("small", 1, 4, 5);
    Parameter large = Fixtures.param("large", 2, 40, 30);
    GradientCheck.Result r =
        GradientCheck.check(
            List.of(small, large),
            t -> MathOps.add(Fixtures.weightedSum(t, t.watch(small), 3), Fixtures.weightedSum(t, t.watch(large), 4)));
    r.assertOk(1e-6);
    assertEquals(20 + GradientCheck.MAX_ELEMENTS_PER_PARAMETER, r.checked());
  }

  @Test
  void aWrongGradientFailsWithDetails() {
    Parameter x = Fixtures.param("x", 5, 3);
    // forward y = x^2, backward claims dy/dx = x (half the truth)
    Function<Tape, Variable> wrong =
        t -> {
          Variable v = t.watch(x);
          return MathOps.sum(t.record(v.value().mul(v.value()), g -> v.addGrad(g.mul(v.value())), v));
        };
    AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.check(List.of(x), wrong).assertOk(1e-4));
    assertTrue(e.getMessage().contains("x[") && e.getMessage().contains("analytic"), e.getMessage());
    // the error of a factor-2 mistake is |a - 2a| / (|a| + |2a|) = 1/3
    assertEquals(1.0 / 3, GradientCheck.check(List.of(x), wrong).maxRelativeError(), 1e-6);
  }

  @Test
  void aMissingGradientFails() {
    Parameter x = Fixtures.param("x", 6, 3);
    Function<Tape, Variable> dropped =
        t -> {
          Variable v = t.watch(x);
          return MathOps.sum(t.record(v.value().mul(2), g -> {}, v));
        };
    assertThrows(AssertionError.class, () -> GradientCheck.check(List.of(x), dropped).assertOk(1e-4));
  }

  @Test
  void aNanGradientFails() {
    Parameter x = Fixtures.param("x", 7, 2);
    Function<Tape, Variable> nan =
        t -> {
          Variable v = t.watch(x);
          return MathOps.sum(t.record(v.value().dup(), g -> v.addGrad(g.mul(Double.NaN)), v));
        };
    assertThrows(AssertionError.class, () -> GradientCheck.check(List.of(x), nan).assertOk(1e-4));
  }

  @Test
  void rejectsFloatParameters() {
    Parameter f = new Parameter("f", Nd4j.zeros(DataType.FLOAT, 2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(List.of(f), t -> MathOps.sum(t.watch(f))));
    assertTrue(e.getMessage().contains("f") && e.getMessage().contains("FLOAT"), e.getMessage());
  }
}
