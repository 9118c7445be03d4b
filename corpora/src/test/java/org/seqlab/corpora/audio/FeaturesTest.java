package org.seqlab.corpora.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Framing, windows, the FFT power spectrum, mel filters and log-mel features. */
class FeaturesTest {
  @Test
  void framingCountsAndPadsTheLastFrame() {
    assertEquals(0, Framing.frameCount(0, 4, 2));
    assertEquals(1, Framing.frameCount(3, 4, 2));
    assertEquals(1, Framing.frameCount(4, 4, 2));
    assertEquals(2, Framing.frameCount(5, 4, 2));
    assertEquals(3, Framing.frameCount(8, 4, 2));
    double[][] f = Framing.frames(new double[] {1, 2, 3, 4, 5}, 4, 2, null);
    assertArrayEquals(new double[] {1, 2, 3, 4}, f[0]);
    assertArrayEquals(new double[] {3, 4, 5, 0}, f[1]);
    double[][] w = Framing.frames(new double[] {1, 1, 1, 1}, 4, 4, Window.HANN.coefficients(4));
    assertArrayEquals(new double[] {0, 0.5, 1, 0.5}, w[0], 1e-15);
    assertEquals(0.08, Window.HAMMING.coefficients(8)[0], 1e-15);
  }

  @Test
  void powerSpectrumMatchesANaiveDft() {
    double[] x = new double[13];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(0.7 * i) + 0.3 * Math.cos(2.1 * i + 0.4) + 0.01 * i;
    }
    int n = 16;
    double[] p = new PowerSpectrum(n).of(x);
    assertEquals(9, p.length);
    for (int k = 0; k <= n / 2; k++) {
      double re = 0;
      double im = 0;
      for (int i = 0; i < x.length; i++) {
        re += x[i] * Math.cos(2 * Math.PI * k * i / n);
        im -= x[i] * Math.sin(2 * Math.PI * k * i / n);
      }
      assertEquals(re * re + im * im, p[k], 1e-10, "bin " + k);
    }
  }

  @Test
  void melScaleAndFilters() {
    assertEquals(1000.0, MelFilterbank.mel(1000), 0.1); // the scale is anchored near 1000 mel at 1 kHz
    assertEquals(1234.5, MelFilterbank.hertz(MelFilterbank.mel(1234.5)), 1e-9);
    MelFilterbank fb = new MelFilterbank(10, 256, 8000, 0, 4000);
    for (int m = 0; m < 10; m++) {
      double max = 0;
      for (int k = 0; k < 129; k++) {
        max = Math.max(max, fb.weight(m, k));
        assertTrue(fb.weight(m, k) >= 0);
      }
      assertTrue(max > 0.5 && max <= 1, "filter " + m + " peak " + max);
    }
    assertThrows(IllegalArgumentException.class, () -> new MelFilterbank(10, 256, 8000, 0, 5000));
  }

  @Test
  void toneEnergyLandsInTheFilterAroundItsFrequency() {
    LogMelConfig cfg = LogMelConfig.standard(8000);
    assertEquals(200, cfg.frameLength());
    assertEquals(80, cfg.hop());
    assertEquals(256, cfg.nFft());
    double[] x = new double[8000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.5 * Math.sin(2 * Math.PI * 1000 * i / 8000.0);
    }
    double[][] f = new LogMelSpectrogram(cfg.withMels(20)).compute(new Audio(8000, x));
    assertEquals(Framing.frameCount(8000, 200, 80), f.length);
    int arg = 0;
    for (int m = 1; m < 20; m++) {
      if (f[50][m] > f[50][arg]) {
        arg = m;
      }
    }
    // centre of filter m: hertz(mel(20) + (mel(4000) - mel(20)) (m + 1) / 21)
    double lo = MelFilterbank.mel(20);
    double hi = MelFilterbank.mel(4000);
    double centre = MelFilterbank.hertz(lo + (hi - lo) * (arg + 1) / 21);
    double next = MelFilterbank.hertz(lo + (hi - lo) * (arg + 2) / 21);
    double prev = MelFilterbank.hertz(lo + (hi - lo) * arg / 21);
    assertTrue(prev < 1000 && next > 1000, "peak filter " + arg + " centred at " + centre + " Hz");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LogMelSpectrogram(cfg).compute(new Audio(16000, x)));
    assertTrue(e.getMessage().contains("16000 Hz"));
    assertEquals(0, new LogMelSpectrogram(cfg).compute(new Audio(8000, new double[0])).length);
  }

  @Test
  void normalisationGivesZeroMeanUnitDeviationAndRemovesGain() {
    double[] x = new double[4000];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.1 * rng.nextGaussian() + 0.2 * Math.sin(i * 0.3);
    }
    LogMelSpectrogram lm = new LogMelSpectrogram(LogMelConfig.standard(8000));
    double[][] a = LogMelSpectrogram.normalise(lm.compute(new Audio(8000, x)));
    double[] loud = java.util.Arrays.stream(x).map(v -> 3 * v).toArray();
    double[][] b = LogMelSpectrogram.normalise(lm.compute(new Audio(8000, loud)));
    for (int m = 0; m < 40; m++) {
      double s = 0;
      double s2 = 0;
      for (double[] row : a) {
        s += row[m];
        s2 += row[m] * row[m];
      }
      assertEquals(0, s / a.length, 1e-12);
      assertEquals(1, s2 / a.length, 1e-9);
      for (int f = 0; f < a.length; f++) {
        assertEquals(a[f][m], b[f][m], 1e-6, "a gain of 3 is a constant offset in the log domain");
      }
    }
  }

  @Test
  void configRoundTripsThroughMetadata() {
    LogMelConfig c = LogMelConfig.standard(8000).withMels(32).withHop(40);
    assertEquals(c, LogMelConfig.fromMetadata(c.toMetadata("feat."), "feat."));
    assertEquals("logmel|sr:8000|win:200|hop:40|fft:256|mels:32|f:20.0-4000.0|pre:0.97|hann", c.signature());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogMelConfig.fromMetadata(java.util.Map.of(), "feat."));
    assertTrue(e.getMessage().contains("feat.sampleRate"));
  }
}
