package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
