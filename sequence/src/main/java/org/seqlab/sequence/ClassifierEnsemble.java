package org.seqlab.sequence;

import java.util.List;
import java.util.Objects;

/**
 * Several classifiers of the same label set decoded together: the class probabilities of the
 * members are averaged (each member sees the sequences encoded with its own vocabulary), and the
 * most probable class of the average is the prediction. Members trained from different seeds make
 * different errors on small data sets, so the average is usually better than a typical member.
 */
public final class ClassifierEnsemble {
  private ClassifierEnsemble() {}

  /**
   * @param members each member's probabilities {@code [n][C]} for the same {@code n} sequences
   * @return the mean probabilities {@code [n][C]}
   * @throws IllegalArgumentException when the members disagree on {@code n} or {@code C}, naming the member
   */
  public static double[][] average(List<double[][]> members) {
    Objects.requireNonNull(members, "members");
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    double[][] first = members.get(0);
    int n = first.length;
    int c = n == 0 ? 0 : first[0].length;
    double[][] sum = new double[n][c];
    for (int m = 0; m < members.size(); m++) {
      double[][] p = members.get(m);
      if (p.length != n) {
        throw new IllegalArgumentException("ensemble member " + (m + 1) + " scored " + p.length + " sequences, member 1 " + n);
      }
      for (int i = 0; i < n; i++) {
        if (p[i].length != c) {
          throw new IllegalArgumentException(
              "ensemble member " + (m + 1) + " has " + p[i].length + " classes at sequence " + i + ", member 1 has " + c);
        }
        for (int k = 0; k < c; k++) {
          sum[i][k] += p[i][k];
        }
      }
    }
    for (double[] row : sum) {
      for (int k = 0; k < c; k++) {
        row[k] /= members.size();
      }
    }
    return sum;
  }

  /** The index of each row's largest entry (the first on ties). */
  public static int[] argmax(double[][] p) {
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      for (int k = 1; k < p[i].length; k++) {
        if (p[i][k] > p[i][out[i]]) {
          out[i] = k;
        }
      }
    }
    return out;
  }
}
