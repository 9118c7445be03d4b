package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

class ClassifierModelTest {
  static final int OPEN = 1;
  static final int CLOSE = 2;

  /**
   * Bracket strings of length 4-10 over ids 1 '(' and 2 ')', label 1 when balanced. Half are
   * balanced (random Dyck words); the others are Dyck words with one bracket flipped, so both
   * classes have nearly the same bracket counts and positions and only nesting depth tells them
   * apart.
   */
  static List<SequenceClassifier.Example> brackets(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<SequenceClassifier.Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int pairs = 2 + rng.nextInt(4);
      int[] s = new int[2 * pairs];
      int open = 0;
      int placedOpen = 0;
      for (int k = 0; k < s.length; k++) {
        boolean canOpen = placedOpen < pairs;
        boolean canClose = open > 0;
        boolean doOpen = canOpen && (!canClose || rng.nextBoolean());
        s[k] = doOpen ? OPEN : CLOSE;
        open += doOpen ? 1 : -1;
        placedOpen += doOpen ? 1 : 0;
      }
      boolean balanced = rng.nextBoolean();
      if (!balanced) {
        int a = rng.nextInt(s.length);
        int b = rng.nextInt(s.length - 1);
        b = b >= a ? b + 1 : b;
        if (s[a] == s[b]) {
          s[a] = 3 - s[a]; // flip one: the counts no longer match
        } else {
          int tmp = s[a]; // swap two different brackets: counts match, nesting may break
          s[a] = s[b];
          s[b] = tmp;
        }
        balanced = isBalanced(s);
      }
      out.add(new SequenceClassifier.Example(s, balanced ? 1 : 0));
    }
    return out;
  }

  static boolean isBalanced(int[] s) {
    int depth = 0;
    for (int c : s) {
      depth += c == OPEN ? 1 : -1;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  @Test
  void bidirectionalLstmLearnsBracketMatching() {
    // the majority class is 0.58-0.65 here (some swaps stay balanced) and a bag of brackets cannot
    // see nesting. Calibrated over seeds 1-4 (data and initialisation): BiLSTM with max pooling
    // 1.00 every time; the mean-embedding baseline 0.59-0.65, exactly the majority rate.
    List<SequenceClassifier.Example> train = brackets(800, 1);
    List<SequenceClassifier.Example> test = brackets(400, 2);
    ClassifierConfig cfg = ClassifierConfig.of(ClassifierConfig.Encoder.BILSTM, 3, 8, 12, 2)
        .withPooling(ClassifierConfig.Pooling.MAX).withTraining(10, 32, 0.01);
    double acc = SequenceClassifier.train(cfg, train, null, 3).accuracy(test);
    double base = SequenceClassifier.train(ClassifierConfig.of(ClassifierConfig.Encoder.MEAN_EMBEDDING, 3, 8, 12, 2)
        .withTraining(10, 32, 0.01), train, null, 3).accuracy(test);
    assertTrue(acc > 0.9, "BiLSTM accuracy " + acc + ", mean-embedding " + base);
    assertTrue(base < acc - 0.2, "BiLSTM accuracy " + acc + ", mean-embedding " + base);
  }

  @Test
  void maskedMaxGradientAndValue() {
    ParameterSet ps = new ParameterSet();
    Parameter x = ps.add("x", TestData.random(1, 1.0, 3, 4, 2));
    GradientCheck.check(ps.list(), tape -> TestData.weightedSum(tape, MaskedMax.apply(tape.watch(x), new int[] {4, 1, 2}), 2))
        .assertOk(RecurrentGradientTest.TOL);
    try (var tape = new org.seqlab.core.Tape()) {
      var v = tape.constant(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][][] {{{1}, {3}, {100}}}));
      assertArrayEquals(new double[] {3}, MaskedMax.apply(v, new int[] {2}).value().reshape(1).toDoubleVector(), 0);
    }
  }

  @Test
  void bidirectionalPoolingGradients() {
    ParameterSet ps = new ParameterSet();
    Bidirectional bi = Bidirectional.create(ps, "bi", CellSpec.of(CellType.LSTM, 2, 3), org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1);
    Parameter x = ps.add("x", TestData.random(2, 1.0, 2, 4, 2));
    int[] len = {4, 2};
    for (ClassifierConfig.Pooling pool : ClassifierConfig.Pooling.values()) {
      GradientCheck.check(ps.list(), tape -> {
        BidirectionalOutput o = bi.forward(tape, tape.watch(x), len);
        org.seqlab.core.Variable v = switch (pool) {
          case LAST -> org.seqlab.core.ops.ShapeOps.concat(1, o.forwardFinal().h(), o.backwardFinal().h());
          case MEAN -> MaskedMean.apply(o.outputs(), len);
          case MAX -> MaskedMax.apply(o.outputs(), len);
        };
        return TestData.weightedSum(tape, v, 3);
      }).assertOk(RecurrentGradientTest.TOL);
    }
  }

  @Test
  void everyEncoderAndPoolingGivesDistributions() {
    for (ClassifierConfig.Pooling pool : ClassifierConfig.Pooling.values()) {
      for (ClassifierConfig.Encoder enc : ClassifierConfig.Encoder.values()) {
        ClassifierConfig cfg = ClassifierConfig.of(enc, 5, 3, 4, 3).withPooling(pool).withTraining(1, 4, 0.01);
        SequenceClassifier m = SequenceClassifier.train(cfg, brackets(4, 9), null, 1);
        double[][] p = m.probabilities(List.of(new int[] {1, 2}, new int[] {1, 1, 2, 2, 1}));
        assertEquals(2, p.length);
        assertEquals(1.0, Arrays.stream(p[1]).sum(), 1e-6, enc + " " + pool);
      }
    }
  }

  @Test
  void saveLoadRoundTripAndDamagedFiles(@TempDir Path dir) throws IOException {
    ClassifierConfig cfg = ClassifierConfig.of(ClassifierConfig.Encoder.BILSTM, 3, 4, 5, 2).withPooling(ClassifierConfig.Pooling.MEAN)
        .withDropout(0.2).withTraining(2, 8, 0.01);
    SequenceClassifier m = SequenceClassifier.train(cfg, brackets(40, 3), null, 4);
    TokenTable words = TokenTable.of(List.of("<pad>", "(", ")"), null);
    TokenTable labels = TokenTable.of(List.of("unbalanced", "balanced"), null);
    Path f = dir.resolve("clf.seqlab");
    m.save(f, words, labels, Map.of("text.lowerCase", "true"));
    SequenceClassifier.Saved back = SequenceClassifier.load(f);
    assertEquals(cfg, back.model().config());
    assertEquals(words, back.words());
    assertEquals("balanced", back.labels().token(1));
    assertEquals("true", back.metadata().get("text.lowerCase"));
    List<int[]> probe = List.of(new int[] {1, 1, 2, 2}, new int[] {2, 1});
    assertArrayEquals(m.probabilities(probe)[0], back.model().probabilities(probe)[0], 1e-9);
    byte[] b = Files.readAllBytes(f);
    Path cut = dir.resolve("cut.seqlab");
    Files.write(cut, Arrays.copyOf(b, b.length - 7));
    IOException e = assertThrows(IOException.class, () -> SequenceClassifier.load(cut));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(cut.toString()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.save(dir.resolve("x"), labels, labels, Map.of()));
  }

  @Test
  void resumingAfterAnEpochEqualsAnUninterruptedRun(@TempDir Path dir) throws IOException {
    ClassifierConfig cfg = ClassifierConfig.of(ClassifierConfig.Encoder.LSTM, 3, 4, 5, 2).withDropout(0.3).withTraining(3, 16, 0.01);
    List<SequenceClassifier.Example> data = brackets(60, 5);
    SequenceClassifier straight = SequenceClassifier.train(cfg, data, null, 6);
    Path ck = dir.resolve("ck");
    List<EpochProgress> seen = new ArrayList<>();
    TrainingOptions opts = new TrainingOptions(seen::add, 3600, ck);
    SequenceClassifier.train(cfg.withTraining(1, 16, 0.01), data, null, 6, opts);
    SequenceClassifier resumed = SequenceClassifier.train(cfg, data, null, 6, opts);
    for (Parameter p : straight.parameters().list()) {
      assertArrayEquals(p.value().reshape(-1).toFloatVector(), resumed.parameters().get(p.name()).value().reshape(-1).toFloatVector(), 1e-6f, p.name());
    }
    assertEquals(List.of(1, 2, 3), seen.stream().map(EpochProgress::epoch).toList());
    assertTrue(seen.get(0).format().contains("epoch 1/1") && seen.get(0).format().contains("ETA"), seen.get(0).format());
    IOException e = assertThrows(IOException.class, () -> SequenceClassifier.train(cfg, data, null, 7, opts));
    assertTrue(e.getMessage().contains("another run"), e.getMessage());
  }

  @Test
  void goldenFileVersion1KeepsLoading() throws IOException {
    // GoldenFiles.main(dir, "classifier"): mean-embedding classifier over 3 words and 2 labels with
    // every parameter 0 except the output bias (0, ln 3): p = (1/4, 3/4) for every input
    SequenceClassifier.Saved s = SequenceClassifier.load(Path.of("src/test/resources/golden/classifier-v1.seqlab"));
    assertEquals(ClassifierConfig.Encoder.MEAN_EMBEDDING, s.model().config().encoder());
    assertEquals("good", s.labels().token(1));
    assertEquals(2, s.words().id("fine"));
    assertArrayEquals(new double[] {0.25, 0.75}, s.model().probabilities(List.of(new int[] {1, 2}))[0], 1e-6);
  }
}
