package org.seqlab.core.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/** RMSprop (Tieleman and Hinton 2012): {@code s = rho s + (1 - rho) g^2}; {@code w -= lr g / (sqrt(s) + eps)}. */
public final class RmsProp implements Optimizer {
  private final LearningRateSchedule schedule;
  private final double rho;
  private final double eps;
  private final OptimizerState state = new OptimizerState();

  public RmsProp(LearningRateSchedule schedule, double rho, double eps) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    if (!(rho >= 0 && rho < 1) || !(eps > 0)) {
      throw new IllegalArgumentException("RmsProp needs 0 <= rho < 1 and eps > 0, got rho=" + rho + " eps=" + eps);
    }
    this.rho = rho;
    this.eps = eps;
  }

  @Override
  public void step(ParameterSet params) {
    double lr = schedule.rate(state.steps);
    for (Parameter p : params.list()) {
      if (p.frozen()) {
        continue;
      }
      INDArray g = p.grad();
      INDArray s = state.slot(p, "s");
      state.check(p, s, "s");
      s.muli(rho).addi(g.mul(g).muli(1 - rho));
      p.value().subi(g.div(Transforms.sqrt(s, true).addi(eps)).muli(lr));
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
    return "rmsprop|rho:" + rho + "|eps:" + eps + "|lr:" + schedule.signature();
  }
}
