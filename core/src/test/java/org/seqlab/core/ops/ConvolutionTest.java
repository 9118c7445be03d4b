package org.seqlab.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;
import static org.seqlab.core.Fixtures.weightedSum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Fixtures;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.nn.Conv2d;

class ConvolutionTest {
  private static final double TOL = 1e-6;

  @Test
  void forwardMatchesAHandComputedCorrelation() {
    // one 3x3 single-channel image, 2x2 kernel, stride 1, no padding: a cross-correlation
    double[] img = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] ker = {1, 0, 0, -1}; // [[1, 0], [0, -1]]
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.createFromArray(img).reshape('c', 1, 3, 3, 1));
      Variable w = t.constant(Nd4j.createFromArray(ker).reshape('c', 2, 2, 1, 1));
      Variable b = t.constant(Nd4j.createFromArray(0.5));
      Variable y = Convolution.conv2d(x, w, b, new Conv2dSpec(2, 1, 0));
      assertArrayEquals(new long[] {1, 2, 2, 1}, y.shape());
      // y[i, j] = x[i, j] - x[i+1, j+1] + 0.5 = -4 + 0.5 everywhere
      assertArrayEquals(new double[] {-3.5, -3.5, -3.5, -3.5}, values(y.value()), 0);
    }
  }

  @Test
  void paddingAndStrideGiveTheExpectedWindows() {
    // 1x4x4x1 image of 1..16, 3x3 kernel of ones, stride 2, padding 1: sums of the clipped windows
    double[] img = new double[16];
    for (int i = 0; i < 16; i++) {
      img[i] = i + 1;
    }
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.createFromArray(img).reshape('c', 1, 4, 4, 1));
      Variable w = t.constant(Nd4j.ones(DataType.DOUBLE, 3, 3, 1, 1));
      Variable y = Convolution.conv2d(x, w, null, new Conv2dSpec(3, 2, 1));
      assertArrayEquals(new long[] {1, 2, 2, 1}, y.shape());
      // windows centred at (0,0), (0,2), (2,0), (2,2)
      double c00 = 1 + 2 + 5 + 6;
      double c02 = 2 + 3 + 4 + 6 + 7 + 8;
      double c20 = 5 + 6 + 9 + 10 + 13 + 14;
      double c22 = 6 + 7 + 8 + 10 + 11 + 12 + 14 + 15 + 16;
      assertArrayEquals(new double[] {c00, c02, c20, c22}, values(y.value()), 0);
    }
  }

  @Test
  void multiChannelOutputMixesChannelsPerPixel() {
    // a 1x1 kernel is a per-pixel matrix product over channels
    Parameter x = Fixtures.param("x", 1, 2, 3, 3, 4);
    Parameter w = Fixtures.param("w", 2, 1, 1, 4, 5);
    try (Tape t = new Tape()) {
      Variable y = Convolution.conv2d(t.watch(x), t.watch(w), null, new Conv2dSpec(1, 1, 0));
      double[] expected = values(x.value().reshape('c', 18, 4).mmul(w.value().reshape('c', 4, 5)));
      assertArrayEquals(expected, values(y.value()), 1e-12);
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    for (Conv2dSpec spec : List.of(new Conv2dSpec(3, 1, 1), new Conv2dSpec(3, 2, 1), new Conv2dSpec(2, 2, 0),
        new Conv2dSpec(3, 2, 0))) {
      Parameter x = Fixtures.param("x", 3, 2, 5, 6, 3); // [B, H, W, C]
      Parameter w = Fixtures.param("w", 4, spec.kernel(), spec.kernel(), 3, 4);
      Parameter b = Fixtures.param("b", 5, 4);
      GradientCheck.check(List.of(x, w, b),
          t -> weightedSum(t, Convolution.conv2d(t.watch(x), t.watch(w), t.watch(b), spec), 6)).assertOk(TOL);
    }
  }

  @Test
  void layerRegistersParametersAndChecksGradients() {
    ParameterSet ps = new ParameterSet();
    Conv2d conv = new Conv2d(ps, "c1", 2, 3, Conv2dSpec.same(3), DataType.DOUBLE, 7);
    assertArrayEquals(new long[] {3, 3, 2, 3}, conv.weight().shape());
    assertTrue(ps.contains("c1.w") && ps.contains("c1.b"));
    conv.bias().value().assign(Fixtures.random(8, 3));
    Parameter x = Fixtures.param("x", 9, 2, 4, 4, 2);
    GradientCheck.check(List.of(x, conv.weight(), conv.bias()), t -> weightedSum(t, conv.forward(t, t.watch(x)), 10))
        .assertOk(TOL);
  }

  @Test
  void floatAndDoubleAgree() {
    Parameter x = Fixtures.param("x", 11, 2, 6, 6, 3);
    Parameter w = Fixtures.param("w", 12, 3, 3, 3, 2);
    try (Tape t = new Tape()) {
      double[] d = values(Convolution.conv2d(t.watch(x), t.watch(w), null, Conv2dSpec.same(3)).value());
      double[] f = values(Convolution.conv2d(t.constant(x.value().castTo(DataType.FLOAT)),
          t.constant(w.value().castTo(DataType.FLOAT)), null, Conv2dSpec.same(3)).value());
      assertArrayEquals(d, f, 1e-5);
    }
  }

  @Test
  void badShapesAreRejectedWithBothShapes() {
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.zeros(DataType.DOUBLE, 1, 4, 4, 3));
      Variable w = t.constant(Nd4j.zeros(DataType.DOUBLE, 3, 3, 2, 5));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Convolution.conv2d(x, w, null, Conv2dSpec.same(3)));
      assertTrue(e.getMessage().contains("[1, 4, 4, 3]") && e.getMessage().contains("[3, 3, 2, 5]"), e.getMessage());
      Variable flat = t.constant(Nd4j.zeros(DataType.DOUBLE, 4, 3));
      assertThrows(IllegalArgumentException.class, () -> Convolution.conv2d(flat, w, null, Conv2dSpec.same(3)));
      Variable w2 = t.constant(Nd4j.zeros(DataType.DOUBLE, 3, 3, 3, 5));
      Variable badBias = t.constant(Nd4j.zeros(DataType.DOUBLE, 4));
      assertThrows(IllegalArgumentException.class, () -> Convolution.conv2d(x, w2, badBias, Conv2dSpec.same(3)));
      Variable tiny = t.constant(Nd4j.zeros(DataType.DOUBLE, 1, 1, 1, 3));
      assertThrows(IllegalArgumentException.class, () -> Convolution.conv2d(tiny, w2, null, new Conv2dSpec(3, 1, 0)));
    }
    assertThrows(IllegalArgumentException.class, () -> new Conv2dSpec(3, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> new Conv2dSpec(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Conv2dSpec(2, 0, 0));
  }
}
