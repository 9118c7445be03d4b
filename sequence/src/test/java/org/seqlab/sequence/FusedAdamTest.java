package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.optim.Adam;
import org.seqlab.core.optim.LearningRateSchedule;

class FusedAdamTest {
  private static ParameterSet params(DataType type) {
    ParameterSet ps = new ParameterSet();
    ps.add("a", TestData.random(1, 1.0, 3, 4).castTo(type));
    ps.add("b", TestData.random(2, 1.0, 5).castTo(type));
    return ps;
  }

  private static void grads(ParameterSet ps, int step) {
    for (Parameter p : ps.list()) {
      p.grad().assign(TestData.random(100 + step * 7L + p.name().hashCode(), 1.0, p.shape()).castTo(p.grad().dataType()));
    }
  }

  @Test
  void matchesTheCoreAdamStepByStep() {
    for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
      ParameterSet a = params(type);
      ParameterSet b = params(type);
      a.get("b").setFrozen(true);
      b.get("b").setFrozen(true);
      Adam core = new Adam(LearningRateSchedule.constant(0.01), 0.8, 0.99, 1e-6, 0.1);
      FusedAdam fused = new FusedAdam(LearningRateSchedule.constant(0.01), 0.8, 0.99, 1e-6, 0.1);
      for (int step = 0; step < 4; step++) {
        grads(a, step);
        grads(b, step);
        core.step(a);
        fused.step(b);
      }
      double tol = type == DataType.DOUBLE ? 1e-12 : 1e-6;
      for (String name : new String[] {"a", "b"}) {
        assertArrayEquals(
            a.get(name).value().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector(),
            b.get(name).value().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector(), tol, type + " " + name);
        assertEquals(0.0, b.get(name).grad().castTo(DataType.DOUBLE).norm1Number().doubleValue(), 0.0);
      }
      assertEquals(4, fused.steps());
    }
  }

  @Test
  void stateRoundTripContinuesIdentically() {
    ParameterSet a = params(DataType.DOUBLE);
    ParameterSet b = params(DataType.DOUBLE);
    FusedAdam first = new FusedAdam(0.05);
    FusedAdam twin = new FusedAdam(0.05);
    grads(a, 0);
    grads(b, 0);
    first.step(a);
    twin.step(b);
    FusedAdam resumed = new FusedAdam(0.05);
    resumed.loadState(twin.state(), twin.steps());
    grads(a, 1);
    grads(b, 1);
    first.step(a);
    resumed.step(b);
    assertArrayEquals(a.get("a").value().reshape(-1).toDoubleVector(), b.get("a").value().reshape(-1).toDoubleVector(), 0);
    assertThrows(IllegalArgumentException.class, () -> new FusedAdam(0.1).loadState(java.util.Map.of("x/q", a.get("a").value()), 1));
  }

  @Test
  void floatStateRoundTripContinuesIdenticallyOnLargeParameters() {
    // 200,000 elements: split across the compute threads in chunks; float moments survive the
    // DOUBLE checkpoint arrays exactly
    ParameterSet a = new ParameterSet();
    ParameterSet b = new ParameterSet();
    a.add("big", TestData.random(5, 1.0, 400, 500).castTo(DataType.FLOAT));
    b.add("big", TestData.random(5, 1.0, 400, 500).castTo(DataType.FLOAT));
    FusedAdam first = new FusedAdam(0.01);
    FusedAdam twin = new FusedAdam(0.01);
    grads(a, 0);
    grads(b, 0);
    first.step(a);
    twin.step(b);
    FusedAdam resumed = new FusedAdam(0.01);
    resumed.loadState(twin.state(), twin.steps());
    grads(a, 1);
    grads(b, 1);
    first.step(a);
    resumed.step(b);
    assertArrayEquals(a.get("big").value().reshape(-1).toFloatVector(), b.get("big").value().reshape(-1).toFloatVector(), 0f);
  }

  /** Row gradients for the rows {@code ids} of every table in {@code sets}, the same values in each. */
  private static void rowGrads(int step, int[] ids, Parameter... tables) {
    for (Parameter p : tables) {
      p.addRowGrad(ids, TestData.random(300 + step, 1.0, ids.length, p.shape()[1]).castTo(p.value().dataType()));
    }
  }

  @Test
  void lazyUpdateOfRowsTouchedAtEveryStepEqualsTheDenseUpdate() {
    for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
      ParameterSet dense = new ParameterSet();
      ParameterSet lazy = new ParameterSet();
      Parameter d = dense.add("t", TestData.random(7, 1.0, 6, 700).castTo(type));
      Parameter l = lazy.add("t", TestData.random(7, 1.0, 6, 700).castTo(type));
      l.setRowSparse(true);
      FusedAdam a = new FusedAdam(LearningRateSchedule.constant(0.01), 0.8, 0.99, 1e-6, 0.1);
      FusedAdam b = new FusedAdam(LearningRateSchedule.constant(0.01), 0.8, 0.99, 1e-6, 0.1);
      for (int step = 0; step < 3; step++) {
        int[] all = {3, 0, 5, 1, 4, 2, 3}; // every row, one twice
        rowGrads(step, all, d, l);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, l.gradRows());
        a.step(dense);
        b.step(lazy);
      }
      assertArrayEquals(d.value().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector(),
          l.value().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector(),
          type == DataType.DOUBLE ? 0 : 1e-6, type.toString()); // FLOAT: vector lanes vs the scalar row tail
      assertEquals(0.0, l.grad().castTo(DataType.DOUBLE).norm1Number().doubleValue(), 0);
    }
  }

  @Test
  void lazyUpdateLeavesUntouchedRowsAndTheirMomentsAlone() {
    // rows of width 1: row 0 gets gradient at steps 1 and 3, row 1 only at step 2, row 2 never
    ParameterSet ps = new ParameterSet();
    Parameter t = ps.add("t", org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.5}, {-1.0}, {2.0}}));
    t.setRowSparse(true);
    double b1 = 0.9;
    double b2 = 0.999;
    double lr = 0.1;
    FusedAdam adam = new FusedAdam(LearningRateSchedule.constant(lr), b1, b2, 1e-8, 0);
    double[][] g = {{0.3}, {-0.2}, {0.7}}; // step -> gradient of its row
    int[] rowAt = {0, 1, 0};
    double[] w = {0.5, -1.0, 2.0};
    double[] m = new double[3];
    double[] v = new double[3];
    for (int step = 0; step < 3; step++) {
      int r = rowAt[step];
      t.addRowGrad(new int[] {r}, org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {g[step]}));
      adam.step(ps);
      // reference: only row r's moments decay and move; bias correction by the global step
      m[r] = b1 * m[r] + (1 - b1) * g[step][0];
      v[r] = b2 * v[r] + (1 - b2) * g[step][0] * g[step][0];
      int tt = step + 1;
      w[r] -= lr * (m[r] / (1 - Math.pow(b1, tt))) / (Math.sqrt(v[r] / (1 - Math.pow(b2, tt))) + 1e-8);
    }
    assertArrayEquals(w, t.value().reshape(-1).toDoubleVector(), 1e-15);
    assertEquals(2.0, t.value().getDouble(2, 0), 0);
    assertArrayEquals(m, adam.state().get("t/m").toDoubleVector(), 1e-15);
    assertArrayEquals(v, adam.state().get("t/v").toDoubleVector(), 1e-15);
    // dense Adam on the same gradients moves row 0 at step 2 on its momentum: the two differ
    ParameterSet ds = new ParameterSet();
    Parameter dt = ds.add("t", org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.5}, {-1.0}, {2.0}}));
    FusedAdam dense = new FusedAdam(LearningRateSchedule.constant(lr), b1, b2, 1e-8, 0);
    for (int step = 0; step < 3; step++) {
      dt.addRowGrad(new int[] {rowAt[step]}, org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {g[step]}));
      dense.step(ds);
    }
    assertTrue(Math.abs(dt.value().getDouble(0, 0) - w[0]) > 1e-3, "dense " + dt.value() + " lazy " + java.util.Arrays.toString(w));
  }

  @Test
  void lazyStateRoundTripContinuesIdentically() {
    ParameterSet a = new ParameterSet();
    ParameterSet b = new ParameterSet();
    Parameter pa = a.add("t", TestData.random(9, 1.0, 50, 8).castTo(DataType.FLOAT));
    Parameter pb = b.add("t", TestData.random(9, 1.0, 50, 8).castTo(DataType.FLOAT));
    pa.setRowSparse(true);
    pb.setRowSparse(true);
    FusedAdam first = new FusedAdam(0.01);
    FusedAdam twin = new FusedAdam(0.01);
    rowGrads(0, new int[] {3, 7, 3, 49}, pa, pb);
    first.step(a);
    twin.step(b);
    FusedAdam resumed = new FusedAdam(0.01);
    resumed.loadState(twin.state(), twin.steps());
    rowGrads(1, new int[] {7, 0}, pa, pb);
    first.step(a);
    resumed.step(b);
    assertArrayEquals(pa.value().reshape(-1).toFloatVector(), pb.value().reshape(-1).toFloatVector(), 0f);
  }
}
