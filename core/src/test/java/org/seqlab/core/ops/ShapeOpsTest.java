package org.seqlab.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.param;
import static org.seqlab.core.Fixtures.values;
import static org.seqlab.core.Fixtures.weightedSum;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Fixtures;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

class ShapeOpsTest {
  @Test
  void concatAndSplitForwardValues() {
    try (Tape t = new Tape()) {
      Variable a = t.constant(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}));
      Variable b = t.constant(Nd4j.createFromArray(new double[][] {{5}, {6}}));
      Variable c = ShapeOps.concat(1, a, b);
      assertArrayEquals(new double[] {1, 2, 5, 3, 4, 6}, values(c.value()), 0);
      assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, values(ShapeOps.concat(0, a, ShapeOps.reshape(b, 1, 2)).value()), 0);
      List<Variable> parts = ShapeOps.split(c, -1, 1, 2);
      assertArrayEquals(new double[] {1, 3}, values(parts.get(0).value()), 0);
      assertArrayEquals(new double[] {2, 5, 4, 6}, values(parts.get(1).value()), 0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShapeOps.split(c, 1, 1, 1));
      assertTrue(e.getMessage().contains("[1, 1]"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> ShapeOps.concat(0, a, b));
    }
  }

  @Test
  void timeStepsRoundTrip() {
    INDArray x = Fixtures.random(1, 2, 4, 3); // [B, T, H]
    try (Tape t = new Tape()) {
      Variable v = t.constant(x);
      List<Variable> steps = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Variable s = ShapeOps.timeStep(v, i); // [B, H]
        assertArrayEquals(new long[] {2, 3}, s.shape());
        assertArrayEquals(values(x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
            org.nd4j.linalg.indexing.NDArrayIndex.point(i), org.nd4j.linalg.indexing.NDArrayIndex.all())), values(s.value()), 0);
        steps.add(s);
      }
      assertArrayEquals(values(x), values(ShapeOps.stackSteps(steps).value()), 0);
      assertThrows(IllegalArgumentException.class, () -> ShapeOps.timeStep(v, 4));
    }
  }

  @Test
  void gradientsOfShapeOps() {
    Parameter a = param("a", 1, 2, 3, 4);
    Parameter b = param("b", 2, 2, 1, 4);
    Parameter c = param("c", 3, 2, 2, 4);
    GradientCheck.check(
            List.of(a, b, c), t -> weightedSum(t, ShapeOps.concat(1, t.watch(a), t.watch(b), t.watch(c)), 4))
        .assertOk(1e-6);
    GradientCheck.check(List.of(a), t -> weightedSum(t, ShapeOps.concat(-1, t.watch(a), t.watch(a)), 5)).assertOk(1e-6);
    GradientCheck.check(
            List.of(a),
            t -> {
              List<Variable> p = ShapeOps.split(t.watch(a), 2, 1, 2, 1);
              return MathOps.add(weightedSum(t, p.get(0), 6), weightedSum(t, p.get(2), 7));
            })
        .assertOk(1e-6);
    // every time step used, one twice, re-stacked in a different order
    GradientCheck.check(
            List.of(a),
            t -> {
              Variable x = t.watch(a);
              List<Variable> s = List.of(ShapeOps.timeStep(x, 2), ShapeOps.timeStep(x, 0), ShapeOps.timeStep(x, 2));
              return weightedSum(t, ShapeOps.stackSteps(s), 8);
            })
        .assertOk(1e-6);
  }

  @Test
  void gatherRowsWithDuplicateIdsSumsGradients() {
    Parameter table = param("table", 9, 4, 3);
    int[] ids = {2, 0, 2, 2, 3};
    INDArray up = Fixtures.random(10, 5, 3); // upstream gradient
    try (Tape t = new Tape()) {
      Variable rows = ShapeOps.gatherRows(t.watch(table), ids);
      assertArrayEquals(values(table.value().getRow(2)), values(rows.value().getRow(3)), 0);
      t.backward(rows, up);
    }
    double[] expected = new double[12];
    for (int i = 0; i < ids.length; i++) {
      for (int j = 0; j < 3; j++) {
        expected[ids[i] * 3 + j] += up.getDouble(i, j);
      }
    }
    assertArrayEquals(expected, values(table.grad()), 1e-15);
    GradientCheck.check(List.of(table), t -> weightedSum(t, ShapeOps.gatherRows(t.watch(table), ids), 11))
        .assertOk(1e-6);
    try (Tape t = new Tape()) {
      assertThrows(IllegalArgumentException.class, () -> ShapeOps.gatherRows(t.watch(table), new int[] {4}));
    }
  }

  @Test
  void gatherRowsFloatGradientSumsDuplicatesAndLeavesOtherRowsZero() {
    Parameter table = new Parameter("table", Fixtures.random(9, 6, 3).castTo(DataType.FLOAT));
    int[] ids = {5, 1, 5, 5};
    INDArray up = Fixtures.random(10, 4, 3).castTo(DataType.FLOAT);
    try (Tape t = new Tape()) {
      t.backward(ShapeOps.gatherRows(t.watch(table), ids), up);
    }
    float[] got = table.grad().data().asFloat();
    float[] expected = new float[18];
    for (int i = 0; i < ids.length; i++) {
      for (int j = 0; j < 3; j++) {
        expected[ids[i] * 3 + j] += up.getFloat(i, j);
      }
    }
    assertArrayEquals(expected, got, 1e-6f);
  }

  @Test
  void gatherParameterRowsMatchesTheVariableOpAndChecksItsGradient() {
    for (boolean sparse : new boolean[] {false, true}) {
      Parameter a = param("a", 9, 6, 3);
      Parameter b = param("b", 9, 6, 3);
      b.setRowSparse(sparse);
      int[] ids = {4, 0, 4, 4, 2, 5};
      INDArray up = Fixtures.random(12, 6, 3);
      try (Tape t = new Tape()) {
        t.backward(ShapeOps.gatherRows(t.watch(a), ids), up);
      }
      try (Tape t = new Tape()) {
        Variable rows = ShapeOps.gatherRows(t, b, ids);
        assertArrayEquals(values(b.value().getRow(4)), values(rows.value().getRow(3)), 0);
        t.backward(rows, up);
      }
      assertArrayEquals(values(a.grad()), values(b.grad()), 0, "sparse=" + sparse);
      GradientCheck.check(List.of(b), t -> weightedSum(t, ShapeOps.gatherRows(t, b, ids), 13)).assertOk(1e-6);
      try (Tape t = new Tape()) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShapeOps.gatherRows(t, b, new int[] {1, 6}));
        assertTrue(e.getMessage().contains("id 6 at position 1") && e.getMessage().contains("b"), e.getMessage());
      }
    }
  }

  @Test
  void gatherFromAFrozenParameterRecordsNothing() {
    Parameter table = param("table", 9, 4, 3);
    table.setFrozen(true);
    try (Tape t = new Tape()) {
      Variable rows = ShapeOps.gatherRows(t, table, new int[] {1, 3});
      assertTrue(!rows.requiresGrad() && t.size() == 0);
      assertArrayEquals(values(table.value().getRow(3)), values(rows.value().getRow(1)), 0);
    }
  }
}
