package org.seqlab.attention.caption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.corpora.Vocabulary;

class CaptionNetworkTest {
  private static CaptionBatch batch(DataType type) {
    Vocabulary v = CaptionVocabulary.standard();
    return CaptionBatch.of(List.of(TinyModels.ramp(8, 0), TinyModels.ramp(8, 90), TinyModels.ramp(8, 40)),
        List.of("a small red circle", "there is a large blue square above a small green triangle", "a large purple diamond"),
        v, 8, type);
  }

  @Test
  void batchesAreFramedWithBosEosAndMasked() {
    CaptionBatch b = batch(DataType.DOUBLE);
    Vocabulary v = CaptionVocabulary.standard();
    assertEquals(12, b.inputs()[0].length); // the longest caption has 11 words, plus <eos>
    assertEquals(Vocabulary.BOS_ID, b.inputs()[0][0]);
    assertEquals(v.id("a"), b.inputs()[0][1]);
    assertEquals(v.id("circle"), b.targets()[0][3]);
    assertEquals(Vocabulary.EOS_ID, b.targets()[0][4]);
    assertEquals(Vocabulary.PAD_ID, b.targets()[0][5]);
    assertArrayEquals(new double[] {1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, b.mask().getRow(0).toDoubleVector(), 0);
    assertEquals(5 + 12 + 5, b.tokens());
  }

  /** One parameter of every stage: first convolution, batch norm, image/init projection, LSTM, attention, output. */
  private static final List<String> STAGES = List.of("enc.conv0.w", "enc.bn0.gain", "dec.init.b", "dec.lstm.w_hh",
      "dec.out.b", "dec.image.b", "dec.att.w_q", "dec.att.b_k", "dec.att.v");

  @Test
  void showAndTellGradientsMatchFiniteDifferences() {
    check(CaptionVariant.SHOW_AND_TELL, STAGES);
  }

  @Test
  void showAttendAndTellGradientsMatchFiniteDifferences() {
    check(CaptionVariant.SHOW_ATTEND_AND_TELL, STAGES);
  }

  @Tag("slow")
  @Test
  void everyParameterOfBothVariantsMatchesFiniteDifferences() {
    check(CaptionVariant.SHOW_AND_TELL, null);
    check(CaptionVariant.SHOW_ATTEND_AND_TELL, null);
  }

  /**
   * The network end to end, encoder included, in double precision with batch norm in training mode
   * and dropout on (fixed seed), on two short captions.
   *
   * @param names the parameters to perturb, or null for all
   */
  private static void check(CaptionVariant variant, List<String> names) {
    CaptionNetwork net = new CaptionNetwork(TinyModels.config(variant, 0.3), CaptionVocabulary.standard().size(), DataType.DOUBLE, 5);
    CaptionBatch b = CaptionBatch.of(List.of(TinyModels.ramp(8, 0), TinyModels.ramp(8, 90)),
        List.of("a small red circle", "a large purple diamond on its own"), CaptionVocabulary.standard(), 8, DataType.DOUBLE);
    List<Parameter> ps = names == null ? net.params.list()
        : names.stream().filter(net.params::contains).map(net.params::get).toList();
    GradientCheck.Result r = GradientCheck.check(ps,
        t -> net.loss(t, b.pixels(), b.inputs(), b.targets(), b.mask(), true, 11), 1e-6, 3).assertOk(1e-5);
    assertTrue(r.checked() > 100, "checked " + r.checked());
  }

  @Test
  void inferenceModeLossIsDeterministicAndUsesNoBatchStatistics() {
    CaptionNetwork net = new CaptionNetwork(TinyModels.config(CaptionVariant.SHOW_AND_TELL, 0.3), CaptionVocabulary.standard().size(),
        DataType.DOUBLE, 6);
    CaptionBatch b = batch(DataType.DOUBLE);
    INDArray before = net.params.get("enc.bn0.running_mean").value().dup();
    double l1;
    double l2;
    try (Tape t = new Tape()) {
      l1 = net.loss(t, b.pixels(), b.inputs(), b.targets(), b.mask(), false, 1).value().getDouble(0);
    }
    try (Tape t = new Tape()) {
      l2 = net.loss(t, b.pixels(), b.inputs(), b.targets(), b.mask(), false, 2).value().getDouble(0);
    }
    assertEquals(l1, l2, 0); // dropout off, whatever the seed
    assertEquals(before, net.params.get("enc.bn0.running_mean").value());
    // a training pass moves the running statistics
    try (Tape t = new Tape()) {
      net.loss(t, b.pixels(), b.inputs(), b.targets(), b.mask(), true, 1);
    }
    assertTrue(before.distance2(net.params.get("enc.bn0.running_mean").value()) > 0);
    // the loss is near log(V) for an untrained network
    assertEquals(Math.log(CaptionVocabulary.standard().size()), l1, 1.0);
    assertEquals(Nd4j.zeros(DataType.DOUBLE, 1).length(), 1);
  }
}
