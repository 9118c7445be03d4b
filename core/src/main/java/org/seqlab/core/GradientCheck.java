package org.seqlab.core;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares the tape's analytic gradients with central finite differences {@code (L(w + eps) - L(w
 * - eps)) / 2 eps} in double precision.
 *
 * <p>The error of one element is {@code |a - n| / max(|a| + |n|, 1e-4)}: relative for ordinary
 * gradients, absolute (scaled by 1e4) for near-zero ones, where central differences in double
 * precision are accurate to about 1e-10. A correct op typically scores below 1e-8; tests use 1e-6.
 * A factor-2 mistake scores 1/3, a sign error 1.
 *
 * <p>Every element of a parameter with at most {@link #MAX_ELEMENTS_PER_PARAMETER} elements is
 * perturbed; larger parameters get that many indices drawn (with replacement) from a seeded {@link
 * SplittableRandom}. Frozen parameters are skipped. The loss function is called twice per checked
 * element on a fresh tape each time, so it must be deterministic (fixed dropout seeds). Afterwards
 * each parameter's {@link Parameter#grad()} holds the analytic gradient and its value is restored
 * exactly.
 *
 * <pre>{@code
 * GradientCheck.check(List.of(w), tape -> MathOps.sum(Activations.tanh(tape.watch(w)))).assertOk(1e-6);
 * }</pre>
 */
public final class GradientCheck {
  /** Default step. */
  public static final double EPS = 1e-6;

  /** Elements checked per parameter: all up to this size, a seeded random subset above it. */
  public static final int MAX_ELEMENTS_PER_PARAMETER = 300;

  private GradientCheck() {}

  /**
   * The worst element found.
   *
   * @param maxRelativeError the largest error
   * @param parameter the parameter it belongs to
   * @param index its flat index
   * @param analytic the tape's gradient there
   * @param numeric the finite-difference estimate there
   * @param checked number of elements checked
   */
  public record Result(
      double maxRelativeError, String parameter, long index, double analytic, double numeric, long checked) {
    /**
     * @throws AssertionError with the details when the error exceeds {@code tolerance}
     */
    public Result assertOk(double tolerance) {
      if (!(maxRelativeError <= tolerance)) {
        throw new AssertionError(
            String.format(
                java.util.Locale.ROOT,
                "gradient check failed: error %.3e > %.1e at %s[%d]: analytic %.10e, numeric %.10e (%d elements checked)",
                maxRelativeError, tolerance, parameter, index, analytic, numeric, checked));
      }
      return this;
    }
  }

  /** Checks with {@link #EPS}. */
  public static Result check(List<Parameter> params, Function<Tape, Variable> lossFn) {
    return check(params, lossFn, EPS, 42);
  }

  /**
   * @param params DOUBLE parameters to check
   * @param lossFn records a one-element loss on the given fresh tape, watching the parameters
   * @param eps finite-difference step
   * @param seed picks the subset of elements of large parameters
   */
  public static Result check(List<Parameter> params, Function<Tape, Variable> lossFn, double eps, long seed) {
    if (!(eps > 0 && eps < 1)) {
      throw new IllegalArgumentException("eps must be in (0, 1), got " + eps);
    }
    for (Parameter p : params) {
      if (p.value().dataType() != DataType.DOUBLE) {
        throw new IllegalArgumentException(
            "gradient checks need DOUBLE parameters; " + p.name() + " is " + p.value().dataType());
      }
      p.zeroGrad();
    }
    try (Tape tape = new Tape()) {
      tape.backward(lossFn.apply(tape));
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double worst = -1;
    Result result = new Result(0, "", -1, 0, 0, 0);
    long checked = 0;
    for (Parameter p : params) {
      if (p.frozen()) {
        continue;
      }
      INDArray flat = p.value().reshape(p.value().length()); // view of the c-order buffer
      INDArray grad = p.grad().dup().reshape(p.value().length());
      long n = flat.length();
      long count = Math.min(n, MAX_ELEMENTS_PER_PARAMETER);
      for (long k = 0; k < count; k++) {
        long i = n <= MAX_ELEMENTS_PER_PARAMETER ? k : rng.nextLong(n);
        double orig = flat.getDouble(i);
        flat.putScalar(i, orig + eps);
        double plus = loss(lossFn);
        flat.putScalar(i, orig - eps);
        double minus = loss(lossFn);
        flat.putScalar(i, orig);
        double numeric = (plus - minus) / (2 * eps);
        double analytic = grad.getDouble(i);
        double err = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-4);
        if (Double.isNaN(err)) {
          err = Double.POSITIVE_INFINITY; // a NaN gradient or loss must fail, not be skipped
        }
        checked++;
        if (err > worst) {
          worst = err;
          result = new Result(err, p.name(), i, analytic, numeric, 0);
        }
      }
    }
    return new Result(
        result.maxRelativeError(), result.parameter(), result.index(), result.analytic(), result.numeric(), checked);
  }

  private static double loss(Function<Tape, Variable> lossFn) {
    try (Tape tape = new Tape()) {
      return lossFn.apply(tape).value().getDouble(0);
    }
  }
}
