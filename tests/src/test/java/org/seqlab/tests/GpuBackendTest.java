package org.seqlab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.cli.Main;
import org.seqlab.core.Backend;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.sequence.CellSpec;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.Recurrent;
import org.seqlab.sequence.RecurrentCell;
import org.seqlab.sequence.SoftmaxOutput;

/**
 * The GPU path: gradient checks and a training run on ND4J's CUDA backend. Tagged {@code gpu}: the
 * default build excludes it, {@code ./mvnw -Pcuda verify} runs it, and without a CUDA backend (or
 * without a device) every test is skipped, never failed.
 */
@Tag("gpu")
class GpuBackendTest {
  @BeforeAll
  static void needsCuda() {
    if (Boolean.getBoolean("seqlab.gpuTestsOnCpu")) {
      return; // -Dseqlab.gpuTestsOnCpu=true: check these tests themselves on the CPU backend
    }
    Backend b;
    try {
      b = Backend.current();
    } catch (Throwable t) { // the CUDA backend throws at load time on a machine without a device
      Assumptions.abort("the ND4J backend did not load: " + t);
      return;
    }
    Assumptions.assumeTrue(b.cuda(), "not on the CUDA backend: " + b.describe());
  }

  @Test
  void recurrentAndSoftmaxGradientsCheckInDoublePrecision() {
    Nd4j.getRandom().setSeed(11);
    for (CellType cell : CellType.values()) {
      ParameterSet ps = new ParameterSet();
      Recurrent rnn = new Recurrent(RecurrentCell.create(ps, "rnn", CellSpec.of(cell, 3, 4), DataType.DOUBLE, 2));
      SoftmaxOutput out = new SoftmaxOutput(ps, "out", 4, 5, DataType.DOUBLE, 3);
      Parameter x = ps.add("x", Nd4j.rand(DataType.DOUBLE, 2, 3, 3).subi(0.5)); // [B, T, I]
      int[] y = {0, 1, 2, 3, 4, 0};
      GradientCheck.check(ps.list(), t -> out.loss(t, rnn.forward(t, t.watch(x), null).outputs(), y, null))
          .assertOk(1e-5); // as the CPU unit tests (RecurrentGradientTest.TOL)
    }
  }

  @Test
  void theDemoTrainsEveryModelOnTheGpu() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "demo");
    String s = out.toString();
    assertEquals(0, code, err.toString());
    assertTrue(s.contains("predictions [0, 1, 1, 0]"), s);
    assertTrue(s.contains("share their topic: 24/24"), s);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("held-out dates: greedy ([0-9.]+) %").matcher(s);
    assertTrue(m.find() && Double.parseDouble(m.group(1)) > 50, s);
  }
}
