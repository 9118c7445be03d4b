package org.seqlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Fixtures;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/** Optimizer updates against the textbook formulas evaluated with scalars. */
class OptimizerTest {
  private static final double[] G1 = {0.5, -2.0};
  private static final double[] G2 = {-0.25, 1.0};

  private static ParameterSet single() {
    ParameterSet ps = new ParameterSet();
    ps.add("w", Nd4j.createFromArray(1.0, -1.0));
    return ps;
  }

  private static void grad(ParameterSet ps, double[] g) {
    ps.get("w").grad().assign(Nd4j.createFromArray(g));
  }

  private static double[] twoSteps(Optimizer opt) {
    ParameterSet ps = single();
    grad(ps, G1);
    opt.step(ps);
    assertArrayEquals(new double[] {0, 0}, values(ps.get("w").grad()), 0, "step zeroes the gradients");
    grad(ps, G2);
    opt.step(ps);
    assertEquals(2, opt.steps());
    return values(ps.get("w").value());
  }

  @Test
  void plainSgd() {
    double[] w = twoSteps(new Sgd(0.1));
    for (int i = 0; i < 2; i++) {
      double w0 = i == 0 ? 1 : -1;
      assertEquals(w0 - 0.1 * G1[i] - 0.1 * G2[i], w[i], 1e-15);
    }
  }

  @Test
  void sgdMomentumAndNesterov() {
    double lr = 0.1;
    double mu = 0.9;
    double[] heavy = twoSteps(new Sgd(LearningRateSchedule.constant(lr), mu, false));
    double[] nest = twoSteps(new Sgd(LearningRateSchedule.constant(lr), mu, true));
    for (int i = 0; i < 2; i++) {
      double w0 = i == 0 ? 1 : -1;
      double v1 = G1[i];
      double v2 = mu * v1 + G2[i];
      assertEquals(w0 - lr * v1 - lr * v2, heavy[i], 1e-15);
      assertEquals(w0 - lr * (G1[i] + mu * v1) - lr * (G2[i] + mu * v2), nest[i], 1e-15);
    }
    assertThrows(IllegalArgumentException.class, () -> new Sgd(LearningRateSchedule.constant(lr), 0, true));
  }

  @Test
  void rmsProp() {
    double lr = 0.01;
    double rho = 0.9;
    double eps = 1e-8;
    double[] w = twoSteps(new RmsProp(LearningRateSchedule.constant(lr), rho, eps));
    for (int i = 0; i < 2; i++) {
      double s1 = (1 - rho) * G1[i] * G1[i];
      double w1 = (i == 0 ? 1 : -1) - lr * G1[i] / (Math.sqrt(s1) + eps);
      double s2 = rho * s1 + (1 - rho) * G2[i] * G2[i];
      assertEquals(w1 - lr * G2[i] / (Math.sqrt(s2) + eps), w[i], 1e-14);
    }
  }

  @Test
  void adamBiasCorrectionAtSteps1And2() {
    double lr = 0.1;
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    Adam adam = new Adam(lr);
    ParameterSet ps = single();
    grad(ps, G1);
    adam.step(ps);
    double[] w1 = values(ps.get("w").value());
    // step 1: m_hat = g, v_hat = g^2, so the step is lr * sign(g) up to eps
    for (int i = 0; i < 2; i++) {
      double w0 = i == 0 ? 1 : -1;
      assertEquals(w0 - lr * G1[i] / (Math.abs(G1[i]) + eps), w1[i], 1e-14);
    }
    grad(ps, G2);
    adam.step(ps);
    double[] w2 = values(ps.get("w").value());
    for (int i = 0; i < 2; i++) {
      double m = b1 * (1 - b1) * G1[i] + (1 - b1) * G2[i];
      double v = b2 * (1 - b2) * G1[i] * G1[i] + (1 - b2) * G2[i] * G2[i];
      double mHat = m / (1 - b1 * b1);
      double vHat = v / (1 - b2 * b2);
      assertEquals(w1[i] - lr * mHat / (Math.sqrt(vHat) + eps), w2[i], 1e-14);
    }
  }

  @Test
  void adamWDecaysWeightsDecoupledFromTheGradient() {
    Adam adamW = new Adam(LearningRateSchedule.constant(0.1), 0.9, 0.999, 1e-8, 0.01);
    ParameterSet ps = single();
    grad(ps, new double[] {0, 0}); // zero gradient: only the decay acts
    adamW.step(ps);
    assertArrayEquals(new double[] {1 - 0.1 * 0.01, -1 + 0.1 * 0.01}, values(ps.get("w").value()), 1e-15);
  }

  @Test
  void frozenParametersAreSkippedButTheirGradientsZeroed() {
    ParameterSet ps = single();
    Parameter f = ps.add("f", Nd4j.createFromArray(5.0));
    f.setFrozen(true);
    f.grad().assign(3);
    grad(ps, G1);
    new Adam(0.1).step(ps);
    assertEquals(5.0, f.value().getDouble(0), 0);
    assertEquals(0.0, f.grad().getDouble(0), 0);
  }

  @Test
  void stateCheckpointResumesExactly(@TempDir Path dir) throws IOException {
    Adam full = new Adam(LearningRateSchedule.constant(0.05), 0.8, 0.99, 1e-8, 0.001);
    ParameterSet a = single();
    Adam first = new Adam(LearningRateSchedule.constant(0.05), 0.8, 0.99, 1e-8, 0.001);
    ParameterSet b = single();
    for (int s = 0; s < 3; s++) {
      grad(a, s == 0 ? G1 : G2);
      full.step(a);
    }
    grad(b, G1);
    first.step(b);
    Path ckpt = dir.resolve("adam.spf");
    OptimizerCheckpoint.save(ckpt, first);
    Adam resumed = new Adam(LearningRateSchedule.constant(0.05), 0.8, 0.99, 1e-8, 0.001);
    OptimizerCheckpoint.restore(ckpt, resumed);
    assertEquals(1, resumed.steps());
    for (int s = 1; s < 3; s++) {
      grad(b, G2);
      resumed.step(b);
    }
    assertArrayEquals(values(a.get("w").value()), values(b.get("w").value()), 0);
    IOException e = assertThrows(IOException.class, () -> OptimizerCheckpoint.restore(ckpt, new Adam(0.1)));
    assertTrue(e.getMessage().contains(ckpt.toString()), e.getMessage());
  }

  @Test
  void restoredStateMustFitTheParameters() {
    Sgd sgd = new Sgd(LearningRateSchedule.constant(0.1), 0.9, false);
    sgd.loadState(java.util.Map.of("w/v", Nd4j.zeros(3)), 4);
    ParameterSet ps = single();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.step(ps));
    assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2]"), e.getMessage());
  }

  @Test
  void clipByGlobalNorm() {
    ParameterSet ps = new ParameterSet();
    Parameter a = ps.add("a", Nd4j.zeros(2));
    Parameter b = ps.add("b", Nd4j.zeros(1));
    a.grad().assign(Nd4j.createFromArray(3f, 0f));
    b.grad().assign(-4);
    assertEquals(5, ClipByGlobalNorm.clip(ps, 10), 1e-6); // below the limit: unchanged
    assertArrayEquals(new double[] {3, 0}, values(a.grad()), 1e-6);
    assertEquals(5, ClipByGlobalNorm.clip(ps, 1), 1e-6);
    assertArrayEquals(new double[] {0.6, 0}, values(a.grad()), 1e-6);
    assertArrayEquals(new double[] {-0.8}, values(b.grad()), 1e-6);
    assertEquals(1, ps.globalNorm(), 1e-6);
    assertThrows(IllegalArgumentException.class, () -> ClipByGlobalNorm.clip(ps, 0));
  }

  @Test
  void adamMinimisesAQuadratic() {
    ParameterSet ps = new ParameterSet();
    Parameter w = ps.add("w", Fixtures.random(3, 5));
    Adam adam = new Adam(0.05);
    for (int i = 0; i < 500; i++) {
      w.grad().assign(w.value().mul(2)); // d/dw |w|^2
      adam.step(ps);
    }
    assertTrue(w.value().norm2Number().doubleValue() < 1e-2, w.toString());
  }
}
