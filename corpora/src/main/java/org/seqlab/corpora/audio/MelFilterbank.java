package org.seqlab.corpora.audio;

/**
 * Triangular filters equally spaced on the mel scale {@code m(f) = 2595 log10(1 + f / 700)}
 * (O'Shaughnessy 1987; the HTK convention): filter {@code i} rises linearly from mel point {@code
 * i} to {@code i + 1} and falls to {@code i + 2}, over {@code nMels + 2} points from {@code fMin} to
 * {@code fMax}, evaluated at the FFT bin frequencies {@code k * sampleRate / nFft}. Peaks are 1 (no
 * area normalisation).
 */
public final class MelFilterbank {
  private final double[][] weights; // [nMels][bins]

  public MelFilterbank(int nMels, int nFft, int sampleRate, double fMin, double fMax) {
    if (nMels < 1) {
      throw new IllegalArgumentException("nMels must be >= 1, got " + nMels);
    }
    if (!(fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2.0)) {
      throw new IllegalArgumentException(
          "need 0 <= fMin < fMax <= sampleRate / 2 = " + sampleRate / 2.0 + ", got fMin " + fMin + ", fMax " + fMax);
    }
    int bins = nFft / 2 + 1;
    double lo = mel(fMin);
    double hi = mel(fMax);
    double[] hz = new double[nMels + 2];
    for (int i = 0; i < hz.length; i++) {
      hz[i] = hertz(lo + (hi - lo) * i / (nMels + 1));
    }
    weights = new double[nMels][bins];
    for (int m = 0; m < nMels; m++) {
      for (int k = 0; k < bins; k++) {
        double f = k * (double) sampleRate / nFft;
        double up = (f - hz[m]) / (hz[m + 1] - hz[m]);
        double down = (hz[m + 2] - f) / (hz[m + 2] - hz[m + 1]);
        weights[m][k] = Math.max(0, Math.min(up, down));
      }
    }
  }

  /** Hertz to mel. */
  public static double mel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  /** Mel to hertz. */
  public static double hertz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }

  public int size() {
    return weights.length;
  }

  /** Filter {@code m}'s weight at bin {@code k}. */
  public double weight(int m, int k) {
    return weights[m][k];
  }

  /** {@code [nMels]} filter energies of a power spectrum of {@code nFft/2 + 1} bins. */
  public double[] apply(double[] power) {
    if (power.length != weights[0].length) {
      throw new IllegalArgumentException("power spectrum has " + power.length + " bins, the filterbank " + weights[0].length);
    }
    double[] out = new double[weights.length];
    for (int m = 0; m < weights.length; m++) {
      double s = 0;
      double[] w = weights[m];
      for (int k = 0; k < w.length; k++) {
        s += w[k] * power[k];
      }
      out[m] = s;
    }
    return out;
  }
}
