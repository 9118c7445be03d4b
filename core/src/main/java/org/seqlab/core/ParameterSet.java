package org.seqlab.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The trainable parameters of a model, by unique name, in insertion order. */
public final class ParameterSet {
  private final Map<String, Parameter> params = new LinkedHashMap<>();

  /**
   * Adds a parameter.
   *
   * @throws IllegalArgumentException when the name is taken
   */
  public Parameter add(Parameter p) {
    if (params.putIfAbsent(p.name(), p) != null) {
      throw new IllegalArgumentException("duplicate parameter name '" + p.name() + "'");
    }
    return p;
  }

  /** Adds a new parameter with the given name and initial value. */
  public Parameter add(String name, INDArray value) {
    return add(new Parameter(name, value));
  }

  /** Adds every parameter of another set (names must not clash). */
  public void addAll(ParameterSet other) {
    other.list().forEach(this::add);
  }

  /**
   * @throws IllegalArgumentException naming the missing parameter
   */
  public Parameter get(String name) {
    Parameter p = params.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no parameter named '" + name + "'; have " + params.keySet());
    }
    return p;
  }

  public boolean contains(String name) {
    return params.containsKey(name);
  }

  public List<Parameter> list() {
    return Collections.unmodifiableList(List.copyOf(params.values()));
  }

  public int size() {
    return params.size();
  }

  /** Total number of scalars. */
  public long count() {
    return params.values().stream().mapToLong(Parameter::size).sum();
  }

  public void zeroGrad() {
    params.values().forEach(Parameter::zeroGrad);
  }

  /** The L2 norm of all (non-frozen) gradients together. */
  public double globalNorm() {
    double s = 0;
    for (Parameter p : params.values()) {
      if (!p.frozen()) {
        s += p.gradSquaredNorm();
      }
    }
    return Math.sqrt(s);
  }
}
