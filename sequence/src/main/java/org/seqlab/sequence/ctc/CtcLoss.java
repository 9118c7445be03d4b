package org.seqlab.sequence.ctc;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Variable;

/**
 * Connectionist temporal classification loss (Graves et al. 2006) as one tape operation on
 * unnormalised logits.
 *
 * <p>For each example {@code b}, with {@code x_b} its first {@code inputLengths[b]} frames and
 * {@code y_b} its target, the loss is {@code -log p(y_b | x_b)}, the probability summed over every
 * alignment that collapses to {@code y_b} under {@code softmax} of the logits. The backward pass
 * gives {@code d loss_b / d z_tk = softmax(z_t)_k - sum_{s : l'_s = k} gamma_t(s)} at valid frames
 * and 0 at padded frames (see the package documentation).
 *
 * <pre>{@code
 * CtcLoss ctc = new CtcLoss(CtcConfig.defaults().withZeroInfinity(true));
 * CtcLoss.Output out = ctc.forward(logits, targets, inputLengths); // logits [B, T, C]
 * tape.backward(out.loss());
 * }</pre>
 */
public final class CtcLoss {
  private final CtcConfig config;
  private final boolean logSpaceOnly;

  public CtcLoss(CtcConfig config) {
    this(config, false);
  }

  /** With {@code logSpaceOnly}, every example takes the log-space recursion (tests compare the two). */
  CtcLoss(CtcConfig config, boolean logSpaceOnly) {
    this.config = Objects.requireNonNull(config, "config");
    this.logSpaceOnly = logSpaceOnly;
  }

  public CtcConfig config() {
    return config;
  }

  /**
   * The loss of a batch.
   *
   * @param loss the reduced loss: {@code [B]} for {@link CtcReduction#NONE}, else {@code [1]}
   * @param perExample {@code -log p(y_b | x_b)} per example before reduction ({@code +inf} for
   *     infeasible targets, also when they were zeroed in {@code loss})
   * @param infeasible indices of examples whose target needs more frames than their input has
   */
  public record Output(Variable loss, double[] perExample, int[] infeasible) {
    public Output {
      perExample = perExample.clone();
      infeasible = infeasible.clone();
    }

    @Override
    public double[] perExample() {
      return perExample.clone();
    }

    @Override
    public int[] infeasible() {
      return infeasible.clone();
    }
  }

  /**
   * Records the loss.
   *
   * @param logits {@code [B, T, C]} unnormalised scores, FLOAT or DOUBLE (computed in double)
   * @param targets per example its labels, each in {@code [0, C)} and not the blank; may be empty
   * @param inputLengths valid frames per example, each in {@code [0, T]}, or null for all {@code T}
   * @throws IllegalArgumentException naming the example and value for a bad shape, label or length
   */
  public Output forward(Variable logits, int[][] targets, int[] inputLengths) {
    long[] shape = logits.shape();
    int[] lens = check(shape, targets, inputLengths);
    int b = (int) shape[0];
    int t = (int) shape[1];
    int c = (int) shape[2];
    boolean needGrad = logits.requiresGrad();
    Batch r = compute(logits.value(), targets, lens, needGrad);
    double[] weights = weights(targets, b);
    double[] out;
    if (config.reduction() == CtcReduction.NONE) {
      out = new double[b];
      for (int i = 0; i < b; i++) {
        out[i] = r.reported(i, config.zeroInfinity());
      }
    } else {
      double total = 0;
      for (int i = 0; i < b; i++) {
        total += weights[i] * r.reported(i, config.zeroInfinity());
      }
      out = new double[] {total};
    }
    DataType type = logits.value().dataType();
    INDArray value = Nd4j.createFromArray(out).castTo(type); // [B] or [1]
    Variable loss =
        logits.tape().record(value, g -> {
          double[] gv = g.castTo(DataType.DOUBLE).toDoubleVector();
          double[] grad = r.grad;
          double[] scaled = new double[grad.length];
          int per = t * c;
          for (int i = 0; i < b; i++) {
            double s = config.reduction() == CtcReduction.NONE ? gv[i] : gv[0] * weights[i];
            if (r.infeasible[i] && config.zeroInfinity()) {
              continue;
            }
            for (int j = i * per, end = j + lens[i] * c; j < end; j++) {
              scaled[j] = s * grad[j];
            }
          }
          logits.addGradOwned(Nd4j.createFromArray(scaled).castTo(type).reshape('c', b, t, c));
        }, logits);
    int[] bad = IntStream.range(0, b).filter(i -> r.infeasible[i]).toArray();
    return new Output(loss, r.nll, bad);
  }

  /**
   * Per-example losses without a tape (evaluation).
   *
   * @param logits {@code [B, T, C]}
   * @return {@code -log p(y_b | x_b)}, {@code +inf} for infeasible targets
   */
  public double[] losses(INDArray logits, int[][] targets, int[] inputLengths) {
    int[] lens = check(logits.shape(), targets, inputLengths);
    return compute(logits, targets, lens, false).nll.clone();
  }

  /** Per-example reduction weights. */
  private double[] weights(int[][] targets, int b) {
    double[] w = new double[b];
    for (int i = 0; i < b; i++) {
      w[i] = switch (config.reduction()) {
        case NONE, SUM -> 1;
        case MEAN -> 1.0 / b;
        case MEAN_BY_TARGET_LENGTH -> 1.0 / (b * (double) Math.max(1, targets[i].length));
      };
    }
    return w;
  }

  /** Losses and unscaled gradients of a batch. */
  private static final class Batch {
    final double[] nll;
    final boolean[] infeasible;
    final double[] grad; // [B*T*C] or null

    Batch(int b, double[] grad) {
      this.nll = new double[b];
      this.infeasible = new boolean[b];
      this.grad = grad;
    }

    double reported(int i, boolean zeroInfinity) {
      return infeasible[i] && zeroInfinity ? 0 : nll[i];
    }
  }

  private Batch compute(INDArray logits, int[][] targets, int[] lens, boolean needGrad) {
    long[] shape = logits.shape();
    int b = (int) shape[0];
    int per = (int) (shape[1] * shape[2]);
    int c = (int) shape[2];
    double[] lp = logits.dup('c').castTo(DataType.DOUBLE).data().asDouble(); // [B*T*C], becomes log-softmax
    double[] y = new double[lp.length]; // [B*T*C] softmax
    Batch r = new Batch(b, needGrad ? new double[lp.length] : null);
    IntConsumer one = i -> {
      int off = i * per;
      logSoftmax(lp, y, off, lens[i], c);
      if (CtcKernel.minimumFrames(targets[i]) <= lens[i]) {
        r.nll[i] = example(lp, y, off, lens[i], c, targets[i], r.grad);
      } else {
        r.infeasible[i] = true;
        r.nll[i] = Double.POSITIVE_INFINITY;
        if (r.grad != null) {
          Arrays.fill(r.grad, off, off + lens[i] * c, Double.NaN);
        }
      }
    };
    if (config.threads() == 1 || b == 1) {
      for (int i = 0; i < b; i++) {
        one.accept(i);
      }
      return r;
    }
    ForkJoinPool pool = new ForkJoinPool(Math.min(config.threads(), b));
    try {
      pool.submit(() -> IntStream.range(0, b).parallel().forEach(one)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing the CTC loss", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("CTC loss failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    return r;
  }

  /** One feasible example: the scaled recursion, or log space when it underflowed. */
  private double example(double[] lp, double[] y, int off, int len, int c, int[] labels, double[] grad) {
    if (len == 0) {
      return 0; // an empty target on an empty input: the empty alignment, probability 1
    }
    int blank = config.blank();
    double nll = logSpaceOnly ? Double.NaN : CtcKernel.scaled(y, off, len, c, labels, blank, grad);
    if (Double.isNaN(nll)) {
      nll = CtcKernel.logSpace(lp, y, off, len, c, labels, blank, grad);
    }
    return nll;
  }

  /** Replaces {@code z[off .. off + len*c)} by its row-wise log-softmax and writes the softmax to {@code y}. */
  private static void logSoftmax(double[] z, double[] y, int off, int len, int c) {
    for (int t = 0; t < len; t++) {
      int row = off + t * c;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        max = Math.max(max, z[row + k]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        double e = Math.exp(z[row + k] - max);
        y[row + k] = e;
        sum += e;
      }
      double logZ = max + Math.log(sum);
      double inv = 1 / sum;
      for (int k = 0; k < c; k++) {
        z[row + k] -= logZ;
        y[row + k] *= inv;
      }
    }
  }

  private int[] check(long[] shape, int[][] targets, int[] inputLengths) {
    if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 2) {
      throw new IllegalArgumentException(
          "CTC logits must be [B, T, C] with B, T >= 1 and C >= 2, got " + Arrays.toString(shape));
    }
    int b = (int) shape[0];
    int t = (int) shape[1];
    int c = (int) shape[2];
    if ((long) b * t * c > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("CTC logits " + Arrays.toString(shape) + " have more than 2^31 elements");
    }
    if (config.blank() >= c) {
      throw new IllegalArgumentException("blank index " + config.blank() + " is outside the " + c + " classes of the logits");
    }
    Objects.requireNonNull(targets, "targets");
    if (targets.length != b) {
      throw new IllegalArgumentException("got " + targets.length + " targets for a batch of " + b);
    }
    for (int i = 0; i < b; i++) {
      if (targets[i] == null) {
        throw new IllegalArgumentException("target of example " + i + " is null");
      }
      for (int j = 0; j < targets[i].length; j++) {
        int l = targets[i][j];
        if (l < 0 || l >= c || l == config.blank()) {
          throw new IllegalArgumentException(
              "target of example " + i + " has label " + l + " at position " + j + "; labels must be in [0, " + c
                  + ") and differ from the blank " + config.blank());
        }
      }
    }
    int[] lens = inputLengths == null ? filled(b, t) : inputLengths.clone();
    if (lens.length != b) {
      throw new IllegalArgumentException("got " + lens.length + " input lengths for a batch of " + b);
    }
    for (int i = 0; i < b; i++) {
      if (lens[i] < 0 || lens[i] > t) {
        throw new IllegalArgumentException("input length " + lens[i] + " of example " + i + " is outside [0, " + t + "]");
      }
    }
    return lens;
  }

  private static int[] filled(int b, int t) {
    int[] a = new int[b];
    Arrays.fill(a, t);
    return a;
  }
}
