package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ParameterTest {
  private static double[] values(INDArray a) {
    return a.castTo(DataType.DOUBLE).dup('c').reshape(a.length()).toDoubleVector();
  }

  @Test
  void rowSparseParameterTracksTheRowsWithGradient() {
    for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
      Parameter p = new Parameter("table", Fixtures.random(1, 7, 3).castTo(type));
      p.setRowSparse(true);
      assertArrayEquals(new int[0], p.gradRows());
      INDArray g = Fixtures.random(2, 4, 3).castTo(type);
      p.addRowGrad(new int[] {5, 1, 5, 3}, g);
      p.addRowGrad(new int[] {1}, Fixtures.random(3, 1, 3).castTo(type));
      assertArrayEquals(new int[] {1, 3, 5}, p.gradRows(), type.toString());
      double[] dense = values(p.grad());
      double sq = 0;
      for (int i = 0; i < dense.length; i++) {
        boolean touched = i / 3 == 1 || i / 3 == 3 || i / 3 == 5;
        assertTrue(touched || dense[i] == 0, "row " + i / 3 + " must stay zero");
        sq += dense[i] * dense[i];
      }
      assertEquals(sq, p.gradSquaredNorm(), 1e-5 * sq);
      assertEquals(values(p.grad()).length, dense.length);
      p.scaleGrad(0.5);
      double[] half = values(p.grad());
      for (int i = 0; i < dense.length; i++) {
        assertEquals(dense[i] * 0.5, half[i], 1e-6 * Math.abs(dense[i]));
      }
      p.zeroGrad();
      assertEquals(0.0, p.grad().castTo(DataType.DOUBLE).norm1Number().doubleValue(), 0);
      assertArrayEquals(new int[0], p.gradRows());
    }
  }

  @Test
  void aDenseContributionMakesTheRowsUnknownUntilZeroed() {
    Parameter p = new Parameter("table", Fixtures.random(1, 5, 2));
    p.setRowSparse(true);
    p.addRowGrad(new int[] {2}, Fixtures.random(2, 1, 2));
    p.addGrad(Nd4j.ones(DataType.DOUBLE, 5, 2));
    assertNull(p.gradRows());
    p.addRowGrad(new int[] {4}, Fixtures.random(3, 1, 2));
    assertNull(p.gradRows());
    double[] g = values(p.grad());
    assertEquals(1.0, g[0], 0); // the dense part reached rows without row gradient
    p.zeroGrad(); // must clear every row, not only 2 and 4
    assertEquals(0.0, p.grad().norm1Number().doubleValue(), 0);
    assertArrayEquals(new int[0], p.gradRows());
  }

  @Test
  void anOrdinaryParameterReportsNoRows() {
    Parameter p = new Parameter("w", Fixtures.random(1, 4, 2));
    p.addRowGrad(new int[] {1}, Fixtures.random(2, 1, 2));
    assertNull(p.gradRows());
    assertEquals(values(p.grad().getRow(1)).length, 2);
    p.zeroGrad();
    assertEquals(0.0, p.grad().norm1Number().doubleValue(), 0);
  }

  @Test
  void badRowGradientsAreRefusedWithTheirPosition() {
    Parameter p = new Parameter("emb", Fixtures.random(1, 4, 2));
    IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
        () -> p.addRowGrad(new int[] {0, 4}, Fixtures.random(2, 2, 2)));
    assertTrue(id.getMessage().contains("id 4 at position 1") && id.getMessage().contains("emb"), id.getMessage());
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> p.addRowGrad(new int[] {0}, Fixtures.random(2, 1, 3)));
    assertTrue(shape.getMessage().contains("[1, 2]") && shape.getMessage().contains("[1, 3]"), shape.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.addGrad(Nd4j.ones(DataType.DOUBLE, 2, 4)));
    assertThrows(IllegalArgumentException.class, () -> new Parameter("b", Nd4j.zeros(3)).setRowSparse(true));
    assertEquals(0.0, p.grad().norm1Number().doubleValue(), 0, "a refused contribution leaves the gradient unchanged");
  }
}
