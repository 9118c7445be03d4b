package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

class ClassifierAndTaggerTest {
  /**
   * Sequences of 4-8 tokens over fillers 3..6 with exactly one A (1) and one B (2); the label is 1
   * when A comes first. Both classes have the same bag of tokens, so an order-blind model is at
   * chance.
   */
  static List<SequenceClassifier.Example> order(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<SequenceClassifier.Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = 4 + rng.nextInt(5);
      int[] s = new int[len];
      for (int k = 0; k < len; k++) {
        s[k] = 3 + rng.nextInt(4);
      }
      int a = rng.nextInt(len);
      int b = rng.nextInt(len - 1);
      b = b >= a ? b + 1 : b;
      s[a] = 1;
      s[b] = 2;
      out.add(new SequenceClassifier.Example(s, a < b ? 1 : 0));
    }
    return out;
  }

  @Test
  void lstmLearnsWordOrderThatTheMeanOfEmbeddingsCannotSee() {
    List<SequenceClassifier.Example> train = order(1000, 1);
    List<SequenceClassifier.Example> test = order(300, 2);
    ClassifierConfig lstm = ClassifierConfig.of(ClassifierConfig.Encoder.LSTM, 7, 8, 16, 2).withTraining(12, 32, 0.01);
    double accLstm = SequenceClassifier.train(lstm, train, null, 3).accuracy(test);
    ClassifierConfig mean = ClassifierConfig.of(ClassifierConfig.Encoder.MEAN_EMBEDDING, 7, 8, 16, 2).withTraining(12, 32, 0.01);
    double accMean = SequenceClassifier.train(mean, train, null, 3).accuracy(test);
    assertTrue(accLstm > 0.9, "LSTM accuracy " + accLstm);
    // the bags of both classes are identically distributed: 300 test items put chance within +-0.1
    assertTrue(accMean < 0.62, "mean-embedding accuracy " + accMean);
  }

  @Test
  void frozenPretrainedEmbeddingsStayFixedAndFineTunedOnesMove() {
    List<SequenceClassifier.Example> train = order(64, 4);
    INDArray vectors = TestData.random(5, 0.3, 7, 8).castTo(DataType.FLOAT);
    int[] rows = {0, 1, 2, 3, 4, 5, 6};
    ClassifierConfig cfg = ClassifierConfig.of(ClassifierConfig.Encoder.MEAN_EMBEDDING, 7, 8, 4, 2).withTraining(2, 16, 0.01);
    SequenceClassifier frozen = SequenceClassifier.train(cfg, train, new PretrainedEmbeddings(rows, vectors, true), 1);
    SequenceClassifier tuned = SequenceClassifier.train(cfg, train, new PretrainedEmbeddings(rows, vectors, false), 1);
    assertArrayEquals(vectors.reshape(-1).toFloatVector(),
        frozen.parameters().get("clf.embed.table").value().reshape(-1).toFloatVector(), 0f);
    assertTrue(vectors.sub(tuned.parameters().get("clf.embed.table").value()).norm2Number().doubleValue() > 1e-3);
  }

  @Test
  void maskedMeanGradient() {
    ParameterSet ps = new ParameterSet();
    Parameter x = ps.add("x", TestData.random(1, 1.0, 3, 4, 2));
    GradientCheck.check(ps.list(), tape -> TestData.weightedSum(tape, MaskedMean.apply(tape.watch(x), new int[] {4, 1, 2}), 2))
        .assertOk(RecurrentGradientTest.TOL);
    try (var tape = new org.seqlab.core.Tape()) {
      INDArray m = MaskedMean.apply(tape.constant(Nd4j.createFromArray(new double[][][] {{{1}, {3}, {100}}})), new int[] {2}).value();
      assertArrayEquals(new double[] {2}, m.reshape(1).toDoubleVector(), 1e-12);
    }
  }

  /** Tokens 1..4; the tag of a token is the next token's id - 1, and 4 at the end: only right context tells. */
  static List<SequenceTagger.Example> nextToken(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<SequenceTagger.Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = 3 + rng.nextInt(6);
      int[] s = new int[len];
      int[] tags = new int[len];
      for (int k = 0; k < len; k++) {
        s[k] = 1 + rng.nextInt(4);
      }
      for (int k = 0; k < len; k++) {
        tags[k] = k + 1 < len ? s[k + 1] - 1 : 4;
      }
      out.add(new SequenceTagger.Example(s, tags));
    }
    return out;
  }

  @Test
  void bilstmTaggerUsesRightContext() {
    TaggerConfig cfg = TaggerConfig.of(5, 8, 16, 5).withTraining(10, 32, 0.01, 0.0);
    SequenceTagger tagger = SequenceTagger.train(cfg, nextToken(800, 1), null, 2);
    double acc = tagger.accuracy(nextToken(200, 3));
    // a left-to-right tagger cannot beat ~0.35 here (it must guess the next token)
    assertTrue(acc > 0.95, "tagger accuracy " + acc);
  }

  @Test
  void invalidLabelsAreRejected() {
    ClassifierConfig cfg = ClassifierConfig.of(ClassifierConfig.Encoder.LSTM, 7, 4, 4, 2);
    List<SequenceClassifier.Example> bad = List.of(new SequenceClassifier.Example(new int[] {1}, 2));
    assertThrows(IllegalArgumentException.class, () -> SequenceClassifier.train(cfg, bad, null, 1));
    assertThrows(IllegalArgumentException.class, () -> new SequenceTagger.Example(new int[] {1, 2}, new int[] {0}));
  }
}
