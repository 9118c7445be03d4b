package org.seqlab.corpora.audio;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@code |X_k|^2} of a real frame, {@code k = 0 .. nFft/2}, with {@code X} the DFT of the frame
 * zero-padded to {@code nFft} points, through JTransforms' real FFT. Not thread-safe (one scratch
 * buffer); make one per thread.
 */
public final class PowerSpectrum {
  private final int nFft;
  private final DoubleFFT_1D fft;
  private final double[] scratch;

  /** @param nFft FFT size, {@code >= 2} and even */
  public PowerSpectrum(int nFft) {
    if (nFft < 2 || nFft % 2 != 0) {
      throw new IllegalArgumentException("nFft must be even and >= 2, got " + nFft);
    }
    this.nFft = nFft;
    this.fft = new DoubleFFT_1D(nFft);
    this.scratch = new double[nFft];
  }

  public int nFft() {
    return nFft;
  }

  /** Number of bins, {@code nFft/2 + 1}. */
  public int bins() {
    return nFft / 2 + 1;
  }

  /** @param frame at most {@code nFft} samples */
  public double[] of(double[] frame) {
    if (frame.length > nFft) {
      throw new IllegalArgumentException("frame of " + frame.length + " samples is longer than nFft " + nFft);
    }
    java.util.Arrays.fill(scratch, 0);
    System.arraycopy(frame, 0, scratch, 0, frame.length);
    fft.realForward(scratch); // [Re0, Re(n/2), Re1, Im1, ...]
    double[] p = new double[bins()];
    p[0] = scratch[0] * scratch[0];
    p[nFft / 2] = scratch[1] * scratch[1];
    for (int k = 1; k < nFft / 2; k++) {
      double re = scratch[2 * k];
      double im = scratch[2 * k + 1];
      p[k] = re * re + im * im;
    }
    return p;
  }
}
