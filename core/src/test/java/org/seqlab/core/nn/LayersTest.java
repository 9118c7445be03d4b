package org.seqlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;
import static org.seqlab.core.Fixtures.weightedSum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Fixtures;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.optim.Sgd;

class LayersTest {
  private static final DataType D = DataType.DOUBLE;

  @Test
  void linearForwardByHandAndGradients() {
    Parameter w = new Parameter("w", Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
    Parameter b = new Parameter("b", Nd4j.createFromArray(0.5, -1.0));
    Linear lin = new Linear(w, b);
    try (Tape t = new Tape()) {
      Variable y = lin.forward(t, t.constant(Nd4j.createFromArray(new double[][] {{1, 0, -1}, {2, 1, 0}})));
      assertArrayEquals(new double[] {1 - 5 + 0.5, 2 - 6 - 1, 2 + 3 + 0.5, 4 + 4 - 1}, values(y.value()), 0);
    }
    ParameterSet ps = new ParameterSet();
    Linear l2 = new Linear(ps, "l2", 4, 3, D, 1);
    ps.get("l2.b").value().assign(Fixtures.random(2, 3));
    Parameter x = Fixtures.param("x", 3, 2, 5, 4); // [B, T, in]
    GradientCheck.check(List.of(x, l2.weight(), l2.bias()), t -> weightedSum(t, l2.forward(t, t.watch(x)), 4))
        .assertOk(1e-6);
    assertThrows(IllegalArgumentException.class, () -> new Linear(ps, "bad", 0, 3, D, 1));
  }

  @Test
  void embeddingLooksUpRowsAndScatterAddsDuplicateIds() {
    ParameterSet ps = new ParameterSet();
    Embedding emb = new Embedding(ps, "emb", 5, 3, D, 14);
    int[][] ids = {{1, 3, 1}, {1, 0, 4}}; // id 1 three times, id 2 never
    INDArray up = Fixtures.random(15, 2, 3, 3);
    try (Tape t = new Tape()) {
      Variable e = emb.forward(t, ids);
      assertArrayEquals(new long[] {2, 3, 3}, e.shape());
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          assertArrayEquals(
              values(emb.table().value().getRow(ids[i][j])),
              values(e.value().get(org.nd4j.linalg.indexing.NDArrayIndex.point(i),
                  org.nd4j.linalg.indexing.NDArrayIndex.point(j), org.nd4j.linalg.indexing.NDArrayIndex.all())),
              0);
        }
      }
      t.backward(e, up);
    }
    double[] expected = new double[15];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          expected[ids[i][j] * 3 + k] += up.getDouble(i, j, k);
        }
      }
    }
    assertArrayEquals(expected, values(emb.table().grad()), 1e-15);
    GradientCheck.check(List.of(emb.table()), t -> weightedSum(t, emb.forward(t, ids), 16)).assertOk(1e-6);
  }

  @Test
  void embeddingPretrainedRowsAndFreezing() {
    ParameterSet ps = new ParameterSet();
    Embedding emb = new Embedding(ps, "emb", 4, 2, D, 1);
    emb.loadPretrained(new int[] {3, 0}, Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}), true);
    assertArrayEquals(new double[] {1, 2}, values(emb.table().value().getRow(3)), 0);
    assertArrayEquals(new double[] {3, 4}, values(emb.table().value().getRow(0)), 0);
    assertTrue(emb.table().frozen());
    double[] before = values(emb.table().value());
    try (Tape t = new Tape()) {
      Variable e = emb.forward(t, new int[][] {{0, 3}});
      assertFalse(e.requiresGrad());
    }
    new Sgd(0.1).step(ps);
    assertArrayEquals(before, values(emb.table().value()), 0);
    assertThrows(IllegalArgumentException.class, () -> emb.loadPretrained(new int[] {4}, Nd4j.zeros(D, 1, 2), false));
    try (Tape t = new Tape()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> emb.forward(t, new int[][] {{0, 7}}));
      assertTrue(e.getMessage().contains("7"), e.getMessage());
    }
  }

  @Test
  void layerNormForwardByHandAndGradients() {
    ParameterSet ps = new ParameterSet();
    LayerNorm ln = new LayerNorm(ps, "ln", 3, 1e-5, D);
    try (Tape t = new Tape()) {
      // [1, 2, 3]: mean 2, biased variance 2/3
      double s = Math.sqrt(2.0 / 3 + 1e-5);
      Variable y = ln.forward(t, t.constant(Nd4j.createFromArray(new double[][] {{1, 2, 3}})));
      assertArrayEquals(new double[] {-1 / s, 0, 1 / s}, values(y.value()), 1e-12);
    }
    ps.get("ln.gain").value().addi(Fixtures.random(17, 3).muli(0.5));
    ps.get("ln.bias").value().addi(Fixtures.random(18, 3).muli(0.5));
    Parameter x = Fixtures.param("x", 19, 2, 4, 3);
    GradientCheck.check(
            List.of(x, ps.get("ln.gain"), ps.get("ln.bias")), t -> weightedSum(t, ln.forward(t, t.watch(x)), 20))
        .assertOk(1e-6);
    try (Tape t = new Tape()) {
      assertThrows(IllegalArgumentException.class, () -> ln.forward(t, t.constant(Nd4j.zeros(D, 2, 4))));
    }
    assertEquals(2, ps.size());
  }
}
