package org.seqlab.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.seqlab.decoding.SamplerConfig;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.CharLanguageModel;
import org.seqlab.sequence.CharLmConfig;
import org.seqlab.sequence.CharLmTrainer;
import org.seqlab.sequence.ClassifierConfig;
import org.seqlab.sequence.SequenceClassifier;

/** The README's "Recurrent models" snippet, compiled and run by its test. */
public final class RecurrentQuickstart {
  private RecurrentQuickstart() {}

  /** Trains a character LM on {@code text}, saves and reloads it, scores and samples; returns a sample. */
  public static String characterModel(String text, Path file) throws IOException {
    CharLmConfig cfg = CharLmConfig.builder().cell(CellType.LSTM).embedDim(16).hiddenSize(64).layers(1)
        .batchSize(8).bpttLength(32).learningRate(0.01).steps(100).build();
    CharLanguageModel lm = new CharLmTrainer(cfg)
        .withProgress(50, p -> System.out.println(p.format()))   // step 50/100  train 1.92 nats ... ETA 0m03s
        .train(text, null, 42);                                    // seed 42: initialisation and dropout
    lm.save(file);                                                 // versioned, CRC32-checked, atomic
    CharLanguageModel back = CharLanguageModel.load(file);
    double bits = back.bitsPerChar(text);                          // bits per character
    double lp = back.logProbability("\n", "the cat\n");            // log p(continuation | context), nats
    System.out.printf(java.util.Locale.ROOT, "%.3f bits/char, log p = %.2f%n", bits, lp);
    return back.sample("the ", 40, '\n', SamplerConfig.ancestral().withTemperature(0.8).withTopK(5), 7);
  }

  /** A BiLSTM classifier with max pooling over token ids; returns its training accuracy. */
  public static double classifier(List<SequenceClassifier.Example> train, int vocabSize, int classes) {
    ClassifierConfig cfg = ClassifierConfig.of(ClassifierConfig.Encoder.BILSTM, vocabSize, 16, 32, classes)
        .withPooling(ClassifierConfig.Pooling.MAX).withDropout(0.2).withTraining(5, 16, 0.01);
    SequenceClassifier clf = SequenceClassifier.train(cfg, train, null, 1);
    return clf.accuracy(train);
  }
}
