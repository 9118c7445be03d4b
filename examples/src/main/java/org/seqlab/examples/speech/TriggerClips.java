package org.seqlab.examples.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.seqlab.corpora.audio.Audio;

/**
 * Synthetic trigger-word clips: a fixed-length stretch of background noise into which 0-2 trigger
 * words and 0-3 other words are mixed at random, non-overlapping times (Andrew Ng's trigger-word
 * exercise, with generated backgrounds). The background is white Gaussian noise through a one-pole
 * low-pass filter of random strength (from white to brown-ish), at a random level, plus with
 * probability 1/2 a low hum. Each word is scaled to a signal-to-noise ratio drawn uniformly from
 * {@code [MIN_SNR_DB, MAX_SNR_DB]} (word RMS over background RMS), so that every word is audible,
 * and trigger words end at least {@link #TAIL_SECONDS} before the clip ends, so that the frames
 * after them (the positives) fit in the clip.
 */
public final class TriggerClips {
  /** Lowest word-to-background ratio in dB. */
  public static final double MIN_SNR_DB = 3;

  /** Highest word-to-background ratio in dB. */
  public static final double MAX_SNR_DB = 20;

  /** Trigger words end at least this long before the end of the clip. */
  public static final double TAIL_SECONDS = 0.3;

  /**
   * A clip.
   *
   * @param audio the mixture
   * @param triggerEnds end times in seconds of the trigger words, in order
   */
  public record Clip(Audio audio, double[] triggerEnds) {
    public Clip {
      triggerEnds = triggerEnds.clone();
    }

    @Override
    public double[] triggerEnds() {
      return triggerEnds.clone();
    }
  }

  private final List<DigitUtterances.Clip> triggers;
  private final List<DigitUtterances.Clip> others;
  private final int sampleRate;
  private final double seconds;

  /**
   * @param triggers recordings of the trigger word
   * @param others recordings of other words (negatives)
   * @param seconds clip length, {@code >= 1}
   */
  public TriggerClips(List<DigitUtterances.Clip> triggers, List<DigitUtterances.Clip> others, int sampleRate, double seconds) {
    if (triggers.isEmpty() || others.isEmpty()) {
      throw new IllegalArgumentException("need trigger and other recordings, got " + triggers.size() + " and " + others.size());
    }
    if (!(seconds >= 1)) {
      throw new IllegalArgumentException("clip length must be >= 1 s, got " + seconds);
    }
    this.triggers = List.copyOf(triggers);
    this.others = List.copyOf(others);
    this.sampleRate = sampleRate;
    this.seconds = seconds;
  }

  /** Splits labelled recordings into the trigger's and the others. */
  public static TriggerClips of(List<DigitUtterances.Clip> clips, int trigger, int sampleRate, double seconds) {
    if (clips.stream().noneMatch(c -> c.label() == trigger)) {
      throw new IllegalArgumentException("no recording of the trigger word " + trigger + " among " + clips.size());
    }
    return new TriggerClips(clips.stream().filter(c -> c.label() == trigger).toList(),
        clips.stream().filter(c -> c.label() != trigger).toList(), sampleRate, seconds);
  }

  /** A new random clip. */
  public Clip sample(SplittableRandom rng) {
    int n = (int) Math.round(seconds * sampleRate);
    double[] x = background(rng, n);
    double noiseRms = rms(x);
    List<int[]> taken = new ArrayList<>(); // [start, end) sample ranges in use
    List<Double> ends = new ArrayList<>();
    int nTrig = rng.nextInt(3);
    int nOther = rng.nextInt(4);
    for (int w = 0; w < nTrig + nOther; w++) {
      boolean isTrigger = w < nTrig;
      List<DigitUtterances.Clip> pool = isTrigger ? triggers : others;
      float[] s = pool.get(rng.nextInt(pool.size())).samples();
      int start = place(rng, taken, s.length, isTrigger ? n - (int) (TAIL_SECONDS * sampleRate) : n);
      if (start < 0) {
        continue;
      }
      double snr = MIN_SNR_DB + (MAX_SNR_DB - MIN_SNR_DB) * rng.nextDouble();
      double peak = 0;
      double energy = 0;
      for (float v : s) {
        peak = Math.max(peak, Math.abs(v));
        energy += v * v;
      }
      double wordRms = Math.sqrt(energy / Math.max(1, s.length));
      double gain = wordRms == 0 ? 0 : Math.min(noiseRms * Math.pow(10, snr / 20) / wordRms, 0.9 / Math.max(peak, 1e-9));
      for (int i = 0; i < s.length; i++) {
        x[start + i] += gain * s[i];
      }
      if (isTrigger) {
        ends.add((start + s.length) / (double) sampleRate);
      }
    }
    double[] e = ends.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Clip(new Audio(sampleRate, x), e);
  }

  /** A start for a segment of {@code len} samples ending by {@code n}, 0.1 s from every taken range, or -1 after 50 tries. */
  private int place(SplittableRandom rng, List<int[]> taken, int len, int n) {
    int margin = sampleRate / 10;
    if (len >= n) {
      return -1;
    }
    for (int attempt = 0; attempt < 50; attempt++) {
      int start = rng.nextInt(n - len);
      int end = start + len;
      boolean free = taken.stream().noneMatch(r -> start < r[1] + margin && end + margin > r[0]);
      if (free) {
        taken.add(new int[] {start, end});
        return start;
      }
    }
    return -1;
  }

  private double[] background(SplittableRandom rng, int n) {
    double[] x = new double[n];
    double a = 0.95 * rng.nextDouble(); // low-pass pole
    double level = 0.003 + 0.03 * rng.nextDouble();
    double y = 0;
    for (int i = 0; i < n; i++) {
      y = a * y + (1 - a) * rng.nextGaussian();
      x[i] = y;
    }
    double rms = rms(x);
    boolean hum = rng.nextBoolean();
    double f = 50 + 250 * rng.nextDouble();
    double humLevel = 0.02 * rng.nextDouble();
    for (int i = 0; i < n; i++) {
      x[i] = x[i] / Math.max(rms, 1e-12) * level + (hum ? humLevel * Math.sin(2 * Math.PI * f * i / sampleRate) : 0);
    }
    return x;
  }

  private static double rms(double[] x) {
    return Math.sqrt(Arrays.stream(x).map(v -> v * v).average().orElse(0));
  }

  /**
   * Per-frame 0/1 targets: the {@code positiveFrames} frames starting at the first frame that ends
   * after each trigger's end are 1.
   *
   * @param frames number of feature frames
   * @param frameRate feature frames per second
   */
  public static int[] frameTargets(double[] triggerEnds, int frames, double frameRate, int positiveFrames) {
    int[] y = new int[frames];
    for (double end : triggerEnds) {
      int first = (int) Math.ceil(end * frameRate);
      for (int f = first; f < Math.min(frames, first + positiveFrames); f++) {
        y[f] = 1;
      }
    }
    return y;
  }
}
