package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierEnsembleTest {
  @Test
  void averagesProbabilitiesAndTheAverageCanOverruleEveryMemberArgmaxVote() {
    // members 1 and 2 both pick class 0 for the first row, but member 3 is so sure of class 1 that
    // the mean prefers it: the ensemble is not a majority vote
    double[][] a = {{0.40, 0.35, 0.25}, {0.1, 0.2, 0.7}};
    double[][] b = {{0.45, 0.30, 0.25}, {0.2, 0.2, 0.6}};
    double[][] c = {{0.05, 0.90, 0.05}, {0.6, 0.3, 0.1}};
    double[][] p = ClassifierEnsemble.average(List.of(a, b, c));
    assertArrayEquals(new double[] {0.30, 0.51666666666666667, 0.18333333333333333}, p[0], 1e-12);
    assertArrayEquals(new double[] {0.3, 0.23333333333333333, 0.46666666666666667}, p[1], 1e-12);
    assertArrayEquals(new int[] {1, 2}, ClassifierEnsemble.argmax(p));
    assertArrayEquals(new int[] {0, 2}, ClassifierEnsemble.argmax(a));
    assertArrayEquals(new int[] {0, 2}, ClassifierEnsemble.argmax(b));
  }

  @Test
  void oneMemberIsItselfAndTiesGoToTheFirstClass() {
    double[][] a = {{0.5, 0.5}, {0.25, 0.75}};
    double[][] p = ClassifierEnsemble.average(List.<double[][]>of(a));
    assertArrayEquals(a[0], p[0], 0);
    assertArrayEquals(a[1], p[1], 0);
    assertArrayEquals(new int[] {0, 1}, ClassifierEnsemble.argmax(p));
  }

  @Test
  void refusesMembersThatDisagreeOnShapeNamingTheMember() {
    double[][] a = {{0.5, 0.5}, {0.25, 0.75}};
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> ClassifierEnsemble.average(List.of(a, a, new double[][] {{1, 0}})));
    assertTrue(rows.getMessage().contains("member 3 scored 1 sequences, member 1 2"), rows.getMessage());
    IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
        () -> ClassifierEnsemble.average(List.of(a, new double[][] {{0.5, 0.5}, {0.2, 0.3, 0.5}})));
    assertTrue(classes.getMessage().contains("member 2 has 3 classes at sequence 1, member 1 has 2"), classes.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClassifierEnsemble.average(List.of()));
    assertEquals(0.5, a[0][0]); // inputs untouched
  }
}
