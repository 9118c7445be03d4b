package org.seqlab.core.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, as PyTorch defines it: {@code v =
 * mu v + g}; {@code w -= lr (g + mu v)} with Nesterov, else {@code w -= lr v}.
 */
public final class Sgd implements Optimizer {
  private final LearningRateSchedule schedule;
  private final double momentum;
  private final boolean nesterov;
  private final OptimizerState state = new OptimizerState();

  public Sgd(LearningRateSchedule schedule, double momentum, boolean nesterov) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  /** Plain SGD with a constant rate. */
  public Sgd(double lr) {
    this(LearningRateSchedule.constant(lr), 0, false);
  }

  @Override
  public void step(ParameterSet params) {
    double lr = schedule.rate(state.steps);
    for (Parameter p : params.list()) {
      if (p.frozen()) {
        continue;
      }
      INDArray g = p.grad();
      if (momentum == 0) {
        p.value().subi(g.mul(lr));
        continue;
      }
      INDArray v = state.slot(p, "v");
      state.check(p, v, "v");
      v.muli(momentum).addi(g);
      p.value().subi(nesterov ? g.add(v.mul(momentum)).muli(lr) : v.mul(lr));
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
    return "sgd|mom:" + momentum + (nesterov ? "|nesterov" : "") + "|lr:" + schedule.signature();
  }
}
