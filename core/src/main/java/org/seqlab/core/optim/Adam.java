package org.seqlab.core.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/**
 * Adam (Kingma and Ba 2015) with bias correction, and optional decoupled weight decay (AdamW,
 * Loshchilov and Hutter 2019):
 *
 * <pre>
 *   m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2;   t = step + 1
 *   w -= lr * ( (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps) + wd * w )
 * </pre>
 */
public final class Adam implements Optimizer {
  private final LearningRateSchedule schedule;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final OptimizerState state = new OptimizerState();

  public Adam(LearningRateSchedule schedule, double beta1, double beta2, double eps, double weightDecay) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException(
          "Adam needs 0 <= beta1, beta2 < 1, eps > 0 and weightDecay >= 0, got beta1=" + beta1
              + " beta2=" + beta2 + " eps=" + eps + " weightDecay=" + weightDecay);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /** Adam with the usual defaults (0.9, 0.999, 1e-8, no weight decay). */
  public Adam(double lr) {
    this(LearningRateSchedule.constant(lr), 0.9, 0.999, 1e-8, 0);
  }

  @Override
  public void step(ParameterSet params) {
    double lr = schedule.rate(state.steps);
    long t = state.steps + 1;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (Parameter p : params.list()) {
      if (p.frozen()) {
        continue;
      }
      INDArray g = p.grad();
      INDArray m = state.slot(p, "m");
      INDArray v = state.slot(p, "v");
      state.check(p, m, "m");
      state.check(p, v, "v");
      m.muli(beta1).addi(g.mul(1 - beta1));
      v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
      INDArray denom = Transforms.sqrt(v.div(c2), false).addi(eps);
      INDArray update = m.div(c1).divi(denom);
      if (weightDecay > 0) {
        update.addi(p.value().mul(weightDecay));
      }
      p.value().subi(update.muli(lr));
    }
    state.steps++;
    params.zeroGrad();
  }

  @Override
  public long steps() {
    return state.steps;
  }

  @Override
  public LearningRateSchedule schedule() {
    return schedule;
  }

  @Override
  public Map<String, INDArray> state() {
    return state.copy();
  }

  @Override
  public void loadState(Map<String, INDArray> s, long steps) {
    state.load(s, steps);
  }

  @Override
  public String signature() {
    return "adam|b1:" + beta1 + "|b2:" + beta2 + "|eps:" + eps + "|wd:" + weightDecay + "|lr:" + schedule.signature();
  }
}
