package org.seqlab.sequence;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A deliberately naive, scalar, step-by-step implementation of the cell equations written straight
 * from the papers' formulas (one sequence at a time, plain Java loops), used as an independent
 * reference for the fused kernels. Gate layouts follow the documented parameter layouts.
 */
final class ReferenceCell {
  private final RecurrentCell cell;
  private final double[][] wIh;
  private final double[][] wHh;
  private final double[] b;
  private final double[] bHh;
  private final double[][] peep;
  private final int hidden;

  ReferenceCell(RecurrentCell cell) {
    this.cell = cell;
    this.wIh = cell.inputWeights().value().toDoubleMatrix();
    this.wHh = cell.recurrentWeights().value().toDoubleMatrix();
    this.b = cell.bias().value().toDoubleVector();
    this.bHh = cell instanceof GruCell g ? g.recurrentBias().value().toDoubleVector() : null;
    this.peep = cell instanceof LstmCell l && l.peepholes() != null ? l.peepholes().value().toDoubleMatrix() : null;
    this.hidden = cell.hiddenSize();
  }

  /** Result of running one sequence: outputs per step and the final h and c. */
  record Run(double[][] outputs, double[] h, double[] c) {}

  /**
   * @param x {@code [T][I]} one sequence
   * @param length number of valid steps; later steps are padding (state carried, output 0)
   */
  Run run(double[][] x, int length, double[] h0, double[] c0) {
    double[] h = h0 == null ? new double[hidden] : h0.clone();
    double[] c = c0 == null ? new double[hidden] : c0.clone();
    double[][] out = new double[x.length][hidden];
    for (int t = 0; t < length; t++) {
      double[] zx = affine(x[t], wIh, b);
      double[] zh = affine(h, wHh, bHh == null ? new double[b.length] : bHh);
      double[][] next = step(zx, zh, h, c);
      h = next[0];
      c = next[1];
      out[t] = h.clone();
    }
    return new Run(out, h, cell.hasCellState() ? c : null);
  }

  private double[][] step(double[] zx, double[] zh, double[] h, double[] c) {
    int n = hidden;
    double[] hn = new double[n];
    double[] cn = new double[n];
    for (int j = 0; j < n; j++) {
      switch (cell.spec().type()) {
        case RNN_TANH -> hn[j] = Math.tanh(zx[j] + zh[j]);
        case RNN_RELU -> hn[j] = Math.max(0, zx[j] + zh[j]);
        case GRU -> {
          double r = sigmoid(zx[j] + zh[j]);
          double z = sigmoid(zx[n + j] + zh[n + j]);
          double cand = Math.tanh(zx[2 * n + j] + r * zh[2 * n + j]);
          hn[j] = (1 - z) * cand + z * h[j];
        }
        case LSTM -> {
          double pi = peep == null ? 0 : peep[1][j];
          double pf = peep == null ? 0 : peep[2][j];
          double po = peep == null ? 0 : peep[0][j];
          double i = sigmoid(zx[n + j] + zh[n + j] + pi * c[j]);
          double f = sigmoid(zx[2 * n + j] + zh[2 * n + j] + pf * c[j]);
          double g = Math.tanh(zx[3 * n + j] + zh[3 * n + j]);
          cn[j] = f * c[j] + i * g;
          double o = sigmoid(zx[j] + zh[j] + po * cn[j]);
          hn[j] = o * Math.tanh(cn[j]);
        }
      }
    }
    return new double[][] {hn, cn};
  }

  private static double[] affine(double[] v, double[][] w, double[] bias) {
    double[] out = bias.clone();
    for (int i = 0; i < v.length; i++) {
      for (int k = 0; k < out.length; k++) {
        out[k] += v[i] * w[i][k];
      }
    }
    return out;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double[] row(INDArray m, int b) {
    return m.getRow(b).toDoubleVector();
  }
}
