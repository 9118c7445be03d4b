package org.seqlab.corpora.audio;

/**
 * A mono recording.
 *
 * @param sampleRate samples per second, {@code >= 1}
 * @param samples amplitudes in {@code [-1, 1]} (16-bit PCM {@code v / 32768}, 8-bit {@code (v - 128) / 128})
 */
public record Audio(int sampleRate, double[] samples) {
  public Audio {
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sampleRate must be >= 1, got " + sampleRate);
    }
    samples = samples.clone();
  }

  @Override
  public double[] samples() {
    return samples.clone();
  }

  /** Number of samples. */
  public int length() {
    return samples.length;
  }

  /** Duration in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }

  /** Sample {@code i} (no copy). */
  public double sample(int i) {
    return samples[i];
  }
}
