package org.seqlab.corpora.audio;

import java.util.Objects;

/**
 * Log-mel features: pre-emphasis, framing with a window, power spectrum, mel filterbank, natural
 * logarithm:
 *
 * <pre>
 *   x'[n] = x[n] - a x[n-1]
 *   F[f, m] = log(FLOOR + sum_k H_m(k) |DFT(w * x'[f hop .. f hop + L))_k|^2)
 * </pre>
 *
 * <p>One instance is not thread-safe (FFT scratch); it is cheap to make one per thread.
 */
public final class LogMelSpectrogram {
  private final LogMelConfig config;
  private final double[] window;
  private final PowerSpectrum spectrum;
  private final MelFilterbank mel;

  public LogMelSpectrogram(LogMelConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.window = config.window().coefficients(config.frameLength());
    this.spectrum = new PowerSpectrum(config.nFft());
    this.mel = new MelFilterbank(config.nMels(), config.nFft(), config.sampleRate(), config.fMin(), config.fMax());
  }

  public LogMelConfig config() {
    return config;
  }

  /**
   * @return {@code [frames][nMels]} (no frames for an empty recording)
   * @throws IllegalArgumentException when the sample rate differs from the config's
   */
  public double[][] compute(Audio audio) {
    if (audio.sampleRate() != config.sampleRate()) {
      throw new IllegalArgumentException(
          "audio has sample rate " + audio.sampleRate() + " Hz, the features expect " + config.sampleRate() + " Hz");
    }
    double[] x = audio.samples();
    double a = config.preemphasis();
    if (a > 0) {
      for (int i = x.length - 1; i > 0; i--) {
        x[i] -= a * x[i - 1];
      }
    }
    double[][] frames = Framing.frames(x, config.frameLength(), config.hop(), window);
    double[][] out = new double[frames.length][];
    for (int f = 0; f < frames.length; f++) {
      double[] e = mel.apply(spectrum.of(frames[f]));
      for (int m = 0; m < e.length; m++) {
        e[m] = Math.log(LogMelConfig.FLOOR + e[m]);
      }
      out[f] = e;
    }
    return out;
  }

  /**
   * Per-utterance normalisation: each feature dimension to mean 0 and standard deviation 1 over the
   * utterance's frames (a deviation below {@code 1e-5} is treated as {@code 1e-5}). Returns a new
   * array; an utterance without frames is returned as is.
   */
  public static double[][] normalise(double[][] features) {
    if (features.length == 0) {
      return new double[0][];
    }
    int d = features[0].length;
    double[] mean = new double[d];
    double[] var = new double[d];
    for (double[] f : features) {
      if (f.length != d) {
        throw new IllegalArgumentException("frames of " + f.length + " and " + d + " features");
      }
      for (int k = 0; k < d; k++) {
        mean[k] += f[k];
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= features.length;
    }
    for (double[] f : features) {
      for (int k = 0; k < d; k++) {
        double c = f[k] - mean[k];
        var[k] += c * c;
      }
    }
    double[][] out = new double[features.length][d];
    for (int k = 0; k < d; k++) {
      double sd = Math.max(1e-5, Math.sqrt(var[k] / features.length));
      for (int f = 0; f < features.length; f++) {
        out[f][k] = (features[f][k] - mean[k]) / sd;
      }
    }
    return out;
  }
}
