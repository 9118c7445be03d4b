package org.seqlab.core.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;

/** Named state slots (moment buffers) shared by the optimizers. */
final class OptimizerState {
  private final Map<String, INDArray> slots = new LinkedHashMap<>();
  long steps;

  /** The slot for a parameter, created as zeros on first use. */
  INDArray slot(Parameter p, String name) {
    return slots.computeIfAbsent(p.name() + "/" + name, k -> p.value().ulike().assign(0));
  }

  Map<String, INDArray> copy() {
    Map<String, INDArray> out = new LinkedHashMap<>();
    slots.forEach((k, v) -> out.put(k, v.dup()));
    return out;
  }

  void load(Map<String, INDArray> state, long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    slots.clear();
    state.forEach((k, v) -> slots.put(k, v.dup()));
    this.steps = steps;
  }

  /** Checks a restored slot still fits its parameter. */
  void check(Parameter p, INDArray slot, String name) {
    if (!Arrays.equals(p.shape(), slot.shape())) {
      throw new IllegalArgumentException(
          "optimizer state " + p.name() + "/" + name + " has shape " + Arrays.toString(slot.shape())
              + " but the parameter is " + Arrays.toString(p.shape()));
    }
  }
}
