package org.seqlab.corpora.audio;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Log-mel spectrogram settings.
 *
 * @param sampleRate expected input sample rate in Hz (other rates are rejected, not resampled)
 * @param frameLength samples per analysis frame, in {@code [1, nFft]}
 * @param hop samples between frames, {@code >= 1}
 * @param nFft FFT size, even
 * @param nMels number of mel filters, {@code >= 1}
 * @param fMin lowest filter edge in Hz, {@code >= 0}
 * @param fMax highest filter edge in Hz, {@code <= sampleRate / 2}
 * @param preemphasis {@code x[n] - a x[n-1]} before framing, {@code a} in {@code [0, 1)} (0: none)
 * @param window the analysis window
 */
public record LogMelConfig(
    int sampleRate, int frameLength, int hop, int nFft, int nMels, double fMin, double fMax, double preemphasis,
    Window window) {
  /** Added to mel energies before the logarithm (full-scale sine: ~1e3 per bin). */
  public static final double FLOOR = 1e-10;

  public LogMelConfig {
    Objects.requireNonNull(window, "window");
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sampleRate must be >= 1, got " + sampleRate);
    }
    if (nFft < 2 || nFft % 2 != 0) {
      throw new IllegalArgumentException("nFft must be even and >= 2, got " + nFft);
    }
    if (frameLength < 1 || frameLength > nFft) {
      throw new IllegalArgumentException("frameLength must be in [1, nFft = " + nFft + "], got " + frameLength);
    }
    if (hop < 1) {
      throw new IllegalArgumentException("hop must be >= 1, got " + hop);
    }
    if (!(preemphasis >= 0 && preemphasis < 1)) {
      throw new IllegalArgumentException("preemphasis must be in [0, 1), got " + preemphasis);
    }
    new MelFilterbank(nMels, nFft, sampleRate, fMin, fMax); // validates nMels, fMin, fMax
  }

  /** 25 ms Hann frames every 10 ms, FFT of the next power of two, 40 mels from 20 Hz to Nyquist, pre-emphasis 0.97. */
  public static LogMelConfig standard(int sampleRate) {
    int frame = Math.max(2, Math.round(sampleRate * 0.025f));
    int nFft = Integer.highestOneBit(frame - 1) << 1;
    return new LogMelConfig(sampleRate, frame, Math.max(1, Math.round(sampleRate * 0.010f)), nFft, 40, 20,
        sampleRate / 2.0, 0.97, Window.HANN);
  }

  public LogMelConfig withMels(int n) {
    return new LogMelConfig(sampleRate, frameLength, hop, nFft, n, fMin, fMax, preemphasis, window);
  }

  public LogMelConfig withHop(int h) {
    return new LogMelConfig(sampleRate, frameLength, h, nFft, nMels, fMin, fMax, preemphasis, window);
  }

  /** Frames per second. */
  public double frameRate() {
    return sampleRate / (double) hop;
  }

  /** For example {@code logmel|sr:8000|win:200|hop:80|fft:256|mels:40|f:20.0-4000.0|pre:0.97|hann}. */
  public String signature() {
    return String.format(Locale.ROOT, "logmel|sr:%d|win:%d|hop:%d|fft:%d|mels:%d|f:%s-%s|pre:%s|%s", sampleRate,
        frameLength, hop, nFft, nMels, fMin, fMax, preemphasis, window.name().toLowerCase(Locale.ROOT));
  }

  /** The fields as string metadata (keys prefixed with {@code prefix}), for model files. */
  public Map<String, String> toMetadata(String prefix) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(prefix + "sampleRate", Integer.toString(sampleRate));
    m.put(prefix + "frameLength", Integer.toString(frameLength));
    m.put(prefix + "hop", Integer.toString(hop));
    m.put(prefix + "nFft", Integer.toString(nFft));
    m.put(prefix + "nMels", Integer.toString(nMels));
    m.put(prefix + "fMin", Double.toString(fMin));
    m.put(prefix + "fMax", Double.toString(fMax));
    m.put(prefix + "preemphasis", Double.toString(preemphasis));
    m.put(prefix + "window", window.name());
    return m;
  }

  /**
   * Reads {@link #toMetadata(String)}.
   *
   * @throws IllegalArgumentException naming a missing or malformed field
   */
  public static LogMelConfig fromMetadata(Map<String, String> m, String prefix) {
    try {
      return new LogMelConfig(
          Integer.parseInt(field(m, prefix + "sampleRate")), Integer.parseInt(field(m, prefix + "frameLength")),
          Integer.parseInt(field(m, prefix + "hop")), Integer.parseInt(field(m, prefix + "nFft")),
          Integer.parseInt(field(m, prefix + "nMels")), Double.parseDouble(field(m, prefix + "fMin")),
          Double.parseDouble(field(m, prefix + "fMax")), Double.parseDouble(field(m, prefix + "preemphasis")),
          Window.valueOf(field(m, prefix + "window")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed log-mel field: " + e.getMessage(), e);
    }
  }

  private static String field(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing log-mel field '" + key + "'");
    }
    return v;
  }
}
