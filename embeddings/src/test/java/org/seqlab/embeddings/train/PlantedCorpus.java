package org.seqlab.embeddings.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.seqlab.corpora.Corpus;

/**
 * A generated corpus with planted structure: {@code topics} disjoint groups of {@code wordsPerTopic}
 * words ({@code t<topic>w<index>}); each sentence draws all its words uniformly from one random topic.
 * Words of one topic co-occur, words of different topics never do, so good vectors put every word's
 * nearest neighbours in its own topic.
 */
final class PlantedCorpus {
  private PlantedCorpus() {}

  static Corpus<List<String>> sentences(int topics, int wordsPerTopic, int sentences, int length, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<List<String>> out = new ArrayList<>();
    for (int s = 0; s < sentences; s++) {
      int t = rng.nextInt(topics);
      List<String> sentence = new ArrayList<>();
      for (int k = 0; k < length; k++) {
        sentence.add("t" + t + "w" + rng.nextInt(wordsPerTopic));
      }
      out.add(sentence);
    }
    return Corpus.of(out);
  }

  static int topicOf(String word) {
    return Integer.parseInt(word.substring(1, word.indexOf('w')));
  }

  /**
   * The fraction of words whose {@code k} nearest neighbours (cosine, brute force) all share their
   * topic.
   */
  static double neighbourPurity(TrainedVectors v, int k) {
    int n = v.size();
    int pure = 0;
    for (int a = 0; a < n; a++) {
      double[] sims = new double[n];
      Integer[] order = new Integer[n];
      for (int b = 0; b < n; b++) {
        sims[b] = b == a ? Double.NEGATIVE_INFINITY : v.cosine(a, b);
        order[b] = b;
      }
      java.util.Arrays.sort(order, (x, y) -> Double.compare(sims[y], sims[x]));
      int topic = topicOf(v.vocabulary().token(a));
      boolean ok = true;
      for (int r = 0; r < k; r++) {
        ok &= topicOf(v.vocabulary().token(order[r])) == topic;
      }
      pure += ok ? 1 : 0;
    }
    return pure / (double) n;
  }
}
