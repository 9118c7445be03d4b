package org.seqlab.decoding;

import java.util.List;
import java.util.Map;

/**
 * The hand-worked model of the decoding tests. Tokens: 0 = {@code <bos>}, 1 = {@code <eos>}, 2 = a,
 * 3 = b. Distributions (eos, a, b) per prefix; every prefix not listed has (0.8, 0.1, 0.1):
 *
 * <pre>
 *   []     0.1  0.5  0.4
 *   [a]    0.1  0.6  0.3
 *   [b]    0.9  0.05 0.05
 *   [a a]  0.9  0.05 0.05
 *   [a b]  0.5  0.25 0.25
 * </pre>
 *
 * Complete outputs: P(b) = 0.4 * 0.9 = 0.36, P(a a) = 0.5 * 0.6 * 0.9 = 0.27, P(a b) = 0.5 * 0.3 * 0.5 =
 * 0.075, P() = 0.1, P(a) = 0.05.
 */
final class HandModel {
  static final int BOS = 0;
  static final int EOS = 1;
  static final int A = 2;
  static final int B = 3;

  private static final Map<List<Integer>, double[]> TABLE = Map.of(
      List.of(), p(0.1, 0.5, 0.4),
      List.of(A), p(0.1, 0.6, 0.3),
      List.of(B), p(0.9, 0.05, 0.05),
      List.of(A, A), p(0.9, 0.05, 0.05),
      List.of(A, B), p(0.5, 0.25, 0.25));

  private HandModel() {}

  static ScriptedStepModel create() {
    return new ScriptedStepModel(4, BOS, EOS, (s, prefix) -> {
      double[] q = TABLE.get(java.util.Arrays.stream(prefix).boxed().toList());
      return q != null ? q : p(0.8, 0.1, 0.1);
    });
  }

  private static double[] p(double eos, double a, double b) {
    return new double[] {0, eos, a, b};
  }
}
