package org.seqlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void constantStepAndExponential() {
    assertEquals(0.1, LearningRateSchedule.constant(0.1).rate(1000), 0);
    LearningRateSchedule step = new LearningRateSchedule.StepDecay(1.0, 0.5, 10);
    assertEquals(1.0, step.rate(0), 0);
    assertEquals(1.0, step.rate(9), 0);
    assertEquals(0.5, step.rate(10), 0);
    assertEquals(0.25, step.rate(25), 0);
    assertEquals(0.1 * Math.pow(0.9, 3), new LearningRateSchedule.Exponential(0.1, 0.9).rate(3), 1e-15);
  }

  @Test
  void warmupThenCosineOrLinear() {
    LearningRateSchedule cos = new LearningRateSchedule.WarmupCosine(1.0, 0.0, 4, 14);
    assertEquals(0.25, cos.rate(0), 1e-15); // (step + 1) / warmup
    assertEquals(1.0, cos.rate(3), 1e-15);
    assertEquals(1.0, cos.rate(4), 1e-15); // start of the decay
    assertEquals(0.5, cos.rate(9), 1e-15); // half way: (1 + cos(pi / 2)) / 2
    assertEquals(0.0, cos.rate(14), 1e-15);
    assertEquals(0.0, cos.rate(100), 1e-15);
    LearningRateSchedule lin = new LearningRateSchedule.WarmupLinear(1.0, 0.2, 0, 8);
    assertEquals(1.0, lin.rate(0), 1e-15);
    assertEquals(0.6, lin.rate(4), 1e-15);
    assertEquals(0.2, lin.rate(8), 1e-15);
    assertEquals(0.2, lin.rate(50), 1e-15);
  }

  @Test
  void invalidSchedulesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(0));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.StepDecay(1, 1.5, 10));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.WarmupCosine(1, 0, 10, 10));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.WarmupLinear(1, 2, 0, 10));
  }
}
