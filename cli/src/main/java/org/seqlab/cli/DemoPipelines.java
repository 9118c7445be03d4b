package org.seqlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqTrainerConfig;
import org.seqlab.corpora.Corpus;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.train.EncodedCorpus;
import org.seqlab.embeddings.train.SkipGramConfig;
import org.seqlab.embeddings.train.SkipGramTrainer;
import org.seqlab.examples.dates.DateNormalization;
import org.seqlab.sequence.CellType;

/**
 * The trained part of the demo, on generated data: skip-gram vectors of a corpus with planted topics,
 * and an attention encoder-decoder that normalises dates, decoded greedily and with beam search.
 */
final class DemoPipelines {
  /** Four planted topics: a sentence draws all its words from one of them. */
  static final String[][] TOPICS = {
    {"cat", "dog", "horse", "cow", "sheep", "goat"},
    {"red", "green", "blue", "yellow", "purple", "orange"},
    {"paris", "rome", "berlin", "madrid", "vienna", "lisbon"},
    {"violin", "piano", "guitar", "flute", "drum", "harp"},
  };

  private DemoPipelines() {}

  static void embeddings(PrintWriter out, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<List<String>> sentences = new ArrayList<>();
    for (int s = 0; s < 2000; s++) {
      String[] topic = TOPICS[rng.nextInt(TOPICS.length)];
      List<String> sentence = new ArrayList<>();
      for (int k = 0; k < 12; k++) {
        sentence.add(topic[rng.nextInt(topic.length)]);
      }
      sentences.add(sentence);
    }
    SkipGramConfig cfg = SkipGramConfig.builder().dim(16).window(3).negative(5).minCount(1).sample(0).epochs(5)
        .threads(1).seed(seed).build();
    out.println("== 5. Skip-gram with negative sampling on a generated corpus (4 planted topics x 6 words, 2,000 sentences)");
    out.println("   " + cfg.signature());
    long t0 = System.nanoTime();
    WordVectors v = new SkipGramTrainer(cfg).train(EncodedCorpus.fromSentences(Corpus.of(sentences), 1, SkipGramConfig.UNLIMITED))
        .toWordVectors();
    int pure = 0;
    int words = 0;
    for (String[] topic : TOPICS) {
      List<String> same = List.of(topic);
      for (String w : topic) {
        words++;
        pure += v.nearest(w, 3).stream().allMatch(n -> same.contains(n.word())) ? 1 : 0;
      }
    }
    for (String w : List.of("cat", "paris")) {
      out.println("   nearest to " + w + ": " + v.nearest(w, 3).stream()
          .map(n -> String.format(Locale.ROOT, "%s %.2f", n.word(), n.similarity())).collect(Collectors.joining(", ")));
    }
    out.printf(Locale.ROOT, "   words whose 3 nearest neighbours share their topic: %d/%d (%.1f s)%n", pure, words,
        (System.nanoTime() - t0) / 1e9);
  }

  static void dates(PrintWriter out, long seed) throws IOException {
    Path dir = Files.createTempDirectory("seqlab-demo-dates");
    DateNormalization.Options o = new DateNormalization.Options(6000, 300,
        Seq2SeqConfig.builder().cell(CellType.GRU).embedDim(32).encoderHidden(64).decoderHidden(128).attentionDim(64)
            .outputDim(64).dropout(0.0).build(),
        Seq2SeqTrainerConfig.defaults().withBatchSize(64).withEpochs(2).withLearningRate(5e-3, 1e-4).withWarmupSteps(50)
            .withClipNorm(1.0).withMaxLength(64),
        3, seed, dir, null);
    out.println("== 6. Bahdanau attention encoder-decoder: date normalisation (6,000 generated dates, 188 steps)");
    out.println("   " + o.signature());
    DateNormalization.Result r = DateNormalization.run(o);
    out.printf(Locale.ROOT, "   exact match on %d held-out dates: greedy %.1f %%, beam 3 %.1f %% (trained %.0f s; "
        + "'./seqlab dates train' trains the full model to 100 %%)%n", r.testSize(), 100 * r.greedyExactMatch(),
        100 * r.beamExactMatch(), r.trainSeconds());
    r.examples().stream().limit(4).forEach(e -> out.println("   " + e));
    out.println("   attention heatmap: " + r.heatmap());
  }
}
