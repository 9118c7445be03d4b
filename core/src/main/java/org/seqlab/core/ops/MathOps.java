package org.seqlab.core.ops;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Variable;

/**
 * Arithmetic with NumPy-style broadcasting, matrix products and reductions. Each op computes its
 * output eagerly and records a hand-written backward pass on the inputs' tape.
 */
public final class MathOps {
  private MathOps() {}

  /** {@code a + b} with broadcasting. */
  public static Variable add(Variable a, Variable b) {
    Broadcast.checkBroadcastable("add", a.shape(), b.shape());
    INDArray out = Broadcast.apply(Broadcast.Kind.ADD, a.value(), b.value());
    return a.tape()
        .record(
            out,
            g -> {
              if (a.requiresGrad()) {
                a.addGrad(Broadcast.reduceTo(g, a.shape()));
              }
              if (b.requiresGrad()) {
                b.addGrad(Broadcast.reduceTo(g, b.shape()));
              }
            },
            a,
            b);
  }

  /** {@code a - b} with broadcasting. */
  public static Variable sub(Variable a, Variable b) {
    Broadcast.checkBroadcastable("sub", a.shape(), b.shape());
    INDArray out = Broadcast.apply(Broadcast.Kind.SUB, a.value(), b.value());
    return a.tape()
        .record(
            out,
            g -> {
              if (a.requiresGrad()) {
                a.addGrad(Broadcast.reduceTo(g, a.shape()));
              }
              if (b.requiresGrad()) {
                b.addGradOwned(Broadcast.reduceTo(g.neg(), b.shape()));
              }
            },
            a,
            b);
  }

  /** Element-wise {@code a * b} with broadcasting. */
  public static Variable mul(Variable a, Variable b) {
    Broadcast.checkBroadcastable("mul", a.shape(), b.shape());
    INDArray out = Broadcast.apply(Broadcast.Kind.MUL, a.value(), b.value());
    return a.tape()
        .record(
            out,
            g -> {
              if (a.requiresGrad()) {
                a.addGradOwned(Broadcast.reduceTo(Broadcast.apply(Broadcast.Kind.MUL, g, b.value()), a.shape()));
              }
              if (b.requiresGrad()) {
                b.addGradOwned(Broadcast.reduceTo(Broadcast.apply(Broadcast.Kind.MUL, g, a.value()), b.shape()));
              }
            },
            a,
            b);
  }

  /** Element-wise {@code a / b} with broadcasting. */
  public static Variable div(Variable a, Variable b) {
    Broadcast.checkBroadcastable("div", a.shape(), b.shape());
    INDArray out = Broadcast.apply(Broadcast.Kind.DIV, a.value(), b.value());
    return a.tape()
        .record(
            out,
            g -> {
              if (a.requiresGrad()) {
                a.addGradOwned(Broadcast.reduceTo(Broadcast.apply(Broadcast.Kind.DIV, g, b.value()), a.shape()));
              }
              if (b.requiresGrad()) {
                // d(a/b)/db = -a/b^2 = -out/b
                b.addGradOwned(Broadcast.reduceTo(Broadcast.apply(Broadcast.Kind.DIV, g.mul(out), b.value()).negi(), b.shape()));
              }
            },
            a,
            b);
  }

  /** {@code s * a} for a constant scalar s. */
  public static Variable scale(Variable a, double s) {
    INDArray out = a.value().mul(s);
    return a.tape().record(out, g -> a.addGradOwned(g.mul(s)), a);
  }

  /**
   * Matrix product {@code a x b}, with {@code a} of shape {@code [..., K]} (leading axes are
   * flattened, e.g. {@code [B, T, K]}) and {@code b} of shape {@code [K, N]}; the result has shape
   * {@code [..., N]}. Uses {@code Nd4j.gemm} into preallocated outputs, transposes by flag.
   */
  public static Variable matmul(Variable a, Variable b) {
    long[] as = a.shape();
    long[] bs = b.shape();
    if (bs.length != 2 || as.length < 2 || as[as.length - 1] != bs[0]) {
      throw new IllegalArgumentException(
          "matmul: cannot multiply " + Arrays.toString(as) + " by " + Arrays.toString(bs)
              + "; expected [..., K] x [K, N]");
    }
    long k = bs[0];
    long n = bs[1];
    long m = a.value().length() / k;
    boolean flat = as.length == 2;
    INDArray a2 = flat ? a.value() : a.value().reshape('c', m, k); // [M, K]
    INDArray out2 = Nd4j.create(a.value().dataType(), m, n); // [M, N]
    Nd4j.gemm(a2, b.value(), out2, false, false, 1.0, 0.0);
    long[] outShape = as.clone();
    outShape[outShape.length - 1] = n;
    INDArray out = flat ? out2 : out2.reshape('c', outShape); // [..., N]
    return a.tape()
        .record(
            out,
            g -> {
              INDArray g2 = flat ? g : g.reshape('c', m, n); // [M, N]
              if (a.requiresGrad()) {
                INDArray ga = Nd4j.create(g.dataType(), m, k); // [M, K]
                Nd4j.gemm(g2, b.value(), ga, false, true, 1.0, 0.0); // [M, N] x [K, N]^T
                a.addGradOwned(flat ? ga : ga.reshape('c', as));
              }
              if (b.requiresGrad()) {
                INDArray gb = Nd4j.create(g.dataType(), k, n); // [K, N]
                Nd4j.gemm(a2, g2, gb, true, false, 1.0, 0.0); // [M, K]^T x [M, N]
                b.addGradOwned(gb);
              }
            },
            a,
            b);
  }

  /** Sum of all elements, a one-element array of shape {@code [1]}. */
  public static Variable sum(Variable a) {
    INDArray out = Rows.vector1(a.value().dataType(), a.value().sumNumber().doubleValue()); // [1]
    return a.tape()
        .record(out, g -> a.addGradOwned(Nd4j.valueArrayOf(a.shape(), g.getDouble(0), g.dataType())), a);
  }

  /** Mean of all elements, shape {@code [1]}. */
  public static Variable mean(Variable a) {
    return scale(sum(a), 1.0 / a.value().length());
  }

  /** Sum over one axis, keeping it with size 1. */
  public static Variable sum(Variable a, int axis) {
    int ax = axis < 0 ? axis + a.shape().length : axis;
    if (ax < 0 || ax >= a.shape().length) {
      throw new IllegalArgumentException(
          "axis " + axis + " out of range for shape " + Arrays.toString(a.shape()));
    }
    INDArray out = a.value().sum(true, ax);
    return a.tape()
        .record(
            out,
            g -> {
              INDArray ga = a.value().ulike();
              ga.assign(0);
              a.addGradOwned(ga.addi(g));
            },
            a);
  }

  /** Mean over one axis, keeping it with size 1. */
  public static Variable mean(Variable a, int axis) {
    int ax = axis < 0 ? axis + a.shape().length : axis;
    if (ax < 0 || ax >= a.shape().length) {
      throw new IllegalArgumentException(
          "axis " + axis + " out of range for shape " + Arrays.toString(a.shape()));
    }
    return scale(sum(a, ax), 1.0 / a.shape()[ax]);
  }

  /** {@code a + s} for a constant scalar s. */
  public static Variable addScalar(Variable a, double s) {
    return a.tape().record(a.value().add(s), a::addGrad, a);
  }

  /** {@code s - a} for a constant scalar s (e.g. {@code 1 - z} in a GRU). */
  public static Variable rsubScalar(double s, Variable a) {
    return a.tape().record(a.value().rsub(s), g -> a.addGradOwned(g.neg()), a);
  }

  /**
   * Batched matrix product {@code op(a) x op(b)} per batch element, {@code op} an optional
   * transpose of the last two axes: {@code [B, M, K] x [B, K, N] -> [B, M, N]} (e.g. attention
   * scores {@code Q K^T} with {@code transB}).
   */
  public static Variable bmm(Variable a, Variable b, boolean transA, boolean transB) {
    long[] as = a.shape();
    long[] bs = b.shape();
    long ak = transA ? as[1] : as[2];
    long bk = bs.length == 3 ? (transB ? bs[2] : bs[1]) : -1;
    if (as.length != 3 || bs.length != 3 || as[0] != bs[0] || ak != bk) {
      throw new IllegalArgumentException(
          "bmm: cannot multiply " + Arrays.toString(as) + (transA ? "^T" : "") + " by "
              + Arrays.toString(bs) + (transB ? "^T" : "") + "; expected [B, M, K] x [B, K, N]");
    }
    INDArray out = Nd4j.matmul(a.value(), b.value(), null, transA, transB, false); // [B, M, N]
    return a.tape()
        .record(
            out,
            g -> {
              INDArray av = a.value();
              INDArray bv = b.value();
              if (a.requiresGrad()) {
                a.addGradOwned(transA ? Nd4j.matmul(bv, g, null, transB, true, false)
                    : Nd4j.matmul(g, bv, null, false, !transB, false));
              }
              if (b.requiresGrad()) {
                b.addGradOwned(transB ? Nd4j.matmul(g, av, null, true, transA, false)
                    : Nd4j.matmul(av, g, null, !transA, false, false));
              }
            },
            a,
            b);
  }
}
