package org.seqlab.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;
import org.seqlab.core.ops.MathOps;
import org.seqlab.sequence.CellType;

/** Finite-difference checks, in double precision, of the fused attention op and of whole models. */
class AttentionGradientTest {
  private static final DataType D = DataType.DOUBLE;

  @Test
  void fusedAdditiveAttentionMatchesFiniteDifferences() {
    ParameterSet ps = new ParameterSet();
    AdditiveAttention att = new AdditiveAttention(ps, "att", 3, 4, 5, D, 1);
    ps.get("att.b_k").value().assign(Init.uniform(D, 0.5, 9, 5)); // non-zero bias, so its gradient is exercised
    Parameter values = ps.add("values", Init.uniform(D, 1, 2, 3, 3, 4)); // [B=3, S=3, D=4]
    Parameter query = ps.add("query", Init.uniform(D, 1, 3, 4, 3)); // [N=4, Hq=3]
    INDArray r1 = Init.uniform(D, 1, 4, 4, 4); // [N, D] random projections of the contexts
    INDArray r2 = Init.uniform(D, 1, 5, 4, 4);
    int[] lengths = {3, 1, 2};
    int[] rows = {0, 1, 2, 0}; // row 0 attended twice, as two beams of one sentence
    GradientCheck.check(ps.list(), tape -> {
      Variable v = tape.watch(values);
      AttentionMemory m = AttentionMemory.bind(tape, att.keys(tape, v), v, lengths);
      Variable q = tape.watch(query);
      AdditiveAttention.Step s1 = att.attend(tape, m, q, rows);
      // a second step whose query depends on the first context: two steps accumulate into the memory
      Variable q2 = MathOps.add(q, MathOps.scale(ShapeSlice.first3(s1.context()), 0.5));
      AdditiveAttention.Step s2 = att.attend(tape, m, q2, rows);
      return MathOps.add(MathOps.sum(MathOps.mul(s1.context(), tape.constant(r1))),
          MathOps.sum(MathOps.mul(s2.context(), tape.constant(r2))));
    }).assertOk(1e-6);
  }

  @Test
  void paddedPositionsGetZeroWeight() {
    ParameterSet ps = new ParameterSet();
    AdditiveAttention att = new AdditiveAttention(ps, "att", 2, 2, 3, D, 1);
    try (Tape tape = new Tape()) {
      Variable v = tape.constant(Init.uniform(D, 1, 2, 2, 4, 2)); // [2, 4, 2]
      AttentionMemory m = AttentionMemory.bind(tape, att.keys(tape, v), v, new int[] {4, 2});
      double[] w = att.attend(tape, m, tape.constant(Init.uniform(D, 1, 3, 2, 2)), new int[] {0, 1}).weights();
      assertEquals(1.0, w[0] + w[1] + w[2] + w[3], 1e-12);
      assertEquals(1.0, w[4] + w[5], 1e-12);
      assertEquals(0.0, w[6]);
      assertEquals(0.0, w[7]);
      assertThrows(IllegalArgumentException.class,
          () -> AttentionMemory.bind(tape, att.keys(tape, v), v, new int[] {5, 1}));
    }
  }

  private static Seq2SeqConfig tiny(CellType cell, AttentionKind kind, double dropout) {
    return Seq2SeqConfig.builder().cell(cell).attention(kind).embedDim(3).encoderHidden(2).decoderHidden(3)
        .attentionDim(2).outputDim(3).dropout(dropout).build();
  }

  private static void checkModel(Seq2SeqConfig c) {
    Seq2SeqNetwork net = new Seq2SeqNetwork(c, 7, 8, D, 5);
    for (Parameter p : net.params.list()) {
      if (p.name().endsWith(".b") || p.name().endsWith(".b_k")) {
        p.value().assign(Init.uniform(D, 0.3, p.name().hashCode(), p.shape())); // exercise the biases
      }
    }
    // sources of lengths 4 and 2 (padded), targets of lengths 3 and 1: masking on both sides
    Seq2SeqBatch batch = Seq2SeqBatch.of(List.of(new int[] {4, 5, 6, 3}, new int[] {6, 3}),
        List.of(new int[] {4, 7, 5}, new int[] {6}));
    // eps 1e-5: with eps 1e-6 the round-off of a loss near log(8) (about 2e-10 absolute) alone gives
    // errors near 3e-6 on the smallest gradients (~2e-5); truncation error at 1e-5 is below 1e-9
    GradientCheck.check(net.params.list(), tape -> net.loss(tape, batch, true, 11), 1e-5, 42).assertOk(1e-6);
  }

  @Test
  void bahdanauGruModelEndToEnd() {
    checkModel(tiny(CellType.GRU, AttentionKind.ADDITIVE, 0));
  }

  @Test
  void bahdanauLstmModelWithDropoutEndToEnd() {
    checkModel(tiny(CellType.LSTM, AttentionKind.ADDITIVE, 0.3));
  }

  @Test
  void encoderDecoderWithoutAttentionEndToEnd() {
    checkModel(tiny(CellType.GRU, AttentionKind.NONE, 0));
    checkModel(tiny(CellType.LSTM, AttentionKind.NONE, 0));
  }

  /** Helpers for building a dependent query in the op test. */
  private static final class ShapeSlice {
    static Variable first3(Variable ctx) {
      return org.seqlab.core.ops.ShapeOps.slice(ctx, 1, 0, 3); // [N, 4] -> [N, 3]
    }
  }
}
