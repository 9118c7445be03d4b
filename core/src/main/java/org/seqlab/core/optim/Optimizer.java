package org.seqlab.core.optim;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.ParameterSet;

/**
 * Updates parameters in place from their accumulated gradients.
 *
 * <p>{@link #step(ParameterSet)} skips frozen parameters, applies the update with the rate {@code
 * schedule().rate(steps())}, increments the step count and then zeroes every gradient. The
 * optimizer's state (moments, step count) is kept apart from the model; {@link #state()} and
 * {@link #loadState(Map, long)} let a trainer checkpoint and resume it.
 */
public sealed interface Optimizer permits Sgd, RmsProp, Adam {
  void step(ParameterSet params);

  /** Number of steps taken. */
  long steps();

  LearningRateSchedule schedule();

  /** Per-parameter state arrays by key {@code paramName/slot} (copies). */
  Map<String, INDArray> state();

  /** Restores what {@link #state()} returned and the step count. */
  void loadState(Map<String, INDArray> state, long steps);

  /** For run signatures, e.g. {@code adam|b1:0.9|b2:0.999|eps:1e-08|lr:const:0.001}. */
  String signature();
}
