package org.seqlab.examples.speech;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.seqlab.corpora.audio.Audio;
import org.seqlab.corpora.audio.Fsdd;

/**
 * Synthetic connected-digit utterances: {@code n} recordings drawn at random from a pool,
 * concatenated with short gaps, over a faint noise floor. Each recording gets a random gain; gaps
 * and the lead-in and tail are random lengths of noise. Everything is drawn from the given random
 * generator, so one seed gives one utterance.
 */
public final class DigitUtterances {
  /** One isolated-word recording and its label. */
  public record Clip(int label, float[] samples) {}

  /** An utterance and the labels of its words in order. */
  public record Utterance(Audio audio, int[] labels) {}

  private final List<Clip> clips;
  private final int sampleRate;
  private final int minWords;
  private final int maxWords;

  /**
   * @param clips the pool (e.g. FSDD's training recordings)
   * @param minWords fewest words per utterance, {@code >= 1}
   * @param maxWords most words per utterance, {@code >= minWords}
   */
  public DigitUtterances(List<Clip> clips, int sampleRate, int minWords, int maxWords) {
    if (clips.isEmpty()) {
      throw new IllegalArgumentException("the clip pool is empty");
    }
    if (minWords < 1 || maxWords < minWords) {
      throw new IllegalArgumentException("need 1 <= minWords <= maxWords, got " + minWords + " and " + maxWords);
    }
    this.clips = List.copyOf(clips);
    this.sampleRate = sampleRate;
    this.minWords = minWords;
    this.maxWords = maxWords;
  }

  /** Reads recordings into clips labelled with their digit. */
  public static List<Clip> read(List<Fsdd.Recording> recordings) throws IOException {
    List<Clip> out = new ArrayList<>();
    for (Fsdd.Recording r : recordings) {
      double[] x = r.read().samples();
      float[] f = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        f[i] = (float) x[i];
      }
      out.add(new Clip(r.digit(), f));
    }
    return out;
  }

  public int size() {
    return clips.size();
  }

  /** A new utterance of a random number of words in {@code [minWords, maxWords]}. */
  public Utterance sample(SplittableRandom rng) {
    return sample(rng, words(rng));
  }

  /** A random word count in {@code [minWords, maxWords]}. */
  public int words(SplittableRandom rng) {
    return minWords + rng.nextInt(maxWords - minWords + 1);
  }

  /** A new utterance of {@code n} random words. */
  public Utterance sample(SplittableRandom rng, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("an utterance needs >= 1 word, got " + n);
    }
    List<Clip> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      words.add(clips.get(rng.nextInt(clips.size())));
    }
    return join(words, rng);
  }

  /** {@code words} joined with random gaps (50-250 ms), lead-in and tail (50-200 ms) and gains (0.6-1.4). */
  public Utterance join(List<Clip> words, SplittableRandom rng) {
    int[] gaps = new int[words.size() + 1];
    int total = 0;
    for (int i = 0; i <= words.size(); i++) {
      double sec = i == 0 || i == words.size() ? 0.05 + 0.15 * rng.nextDouble() : 0.05 + 0.2 * rng.nextDouble();
      gaps[i] = (int) Math.round(sec * sampleRate);
      total += gaps[i] + (i < words.size() ? words.get(i).samples().length : 0);
    }
    double[] x = new double[total];
    double noise = 0.001 + 0.004 * rng.nextDouble();
    for (int i = 0; i < total; i++) {
      x[i] = noise * rng.nextGaussian();
    }
    int pos = gaps[0];
    int[] labels = new int[words.size()];
    for (int w = 0; w < words.size(); w++) {
      float[] s = words.get(w).samples();
      double gain = 0.6 + 0.8 * rng.nextDouble();
      for (int i = 0; i < s.length; i++) {
        x[pos + i] += gain * s[i];
      }
      labels[w] = words.get(w).label();
      pos += s.length + gaps[w + 1];
    }
    return new Utterance(new Audio(sampleRate, x), labels);
  }
}
