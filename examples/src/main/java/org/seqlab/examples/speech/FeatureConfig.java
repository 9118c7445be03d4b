package org.seqlab.examples.speech;

import java.util.Map;
import java.util.Objects;
import org.seqlab.corpora.audio.Audio;
import org.seqlab.corpora.audio.LogMelConfig;
import org.seqlab.corpora.audio.LogMelSpectrogram;

/**
 * The acoustic features of the speech examples: a log-mel spectrogram, normalised per utterance,
 * with every {@code stack} consecutive frames concatenated into one (frame rate divided by {@code
 * stack}, width {@code nMels * stack}; the last group is padded by repeating its last frame).
 *
 * @param logMel the spectrogram settings
 * @param stack frames per output frame, {@code >= 1}
 * @param normalise whether to standardise each mel dimension over the utterance
 */
public record FeatureConfig(LogMelConfig logMel, int stack, boolean normalise) {
  public FeatureConfig {
    Objects.requireNonNull(logMel, "logMel");
    if (stack < 1) {
      throw new IllegalArgumentException("stack must be >= 1, got " + stack);
    }
  }

  /** 40 log-mels of 25 ms every 10 ms at 8 kHz, normalised, stacked by 3 (30 ms frames of 120 features). */
  public static FeatureConfig speech8k() {
    return new FeatureConfig(LogMelConfig.standard(8000), 3, true);
  }

  /** Feature width {@code nMels * stack}. */
  public int width() {
    return logMel.nMels() * stack;
  }

  /** Output frames per second. */
  public double frameRate() {
    return logMel.frameRate() / stack;
  }

  /** {@code [frames][width]} features of a recording. */
  public float[][] compute(Audio audio) {
    double[][] f = new LogMelSpectrogram(logMel).compute(audio);
    if (normalise) {
      f = LogMelSpectrogram.normalise(f);
    }
    int n = (f.length + stack - 1) / stack;
    int m = logMel.nMels();
    float[][] out = new float[n][m * stack];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < stack; s++) {
        double[] src = f[Math.min(f.length - 1, i * stack + s)];
        for (int k = 0; k < m; k++) {
          out[i][s * m + k] = (float) src[k];
        }
      }
    }
    return out;
  }

  public String signature() {
    return logMel.signature() + "|stack:" + stack + "|norm:" + (normalise ? 1 : 0);
  }

  Map<String, String> toMetadata() {
    Map<String, String> m = logMel.toMetadata("features.");
    m.put("features.stack", Integer.toString(stack));
    m.put("features.normalise", Boolean.toString(normalise));
    return m;
  }

  static FeatureConfig fromMetadata(Map<String, String> m) {
    String stack = m.get("features.stack");
    String norm = m.get("features.normalise");
    if (stack == null || norm == null) {
      throw new IllegalArgumentException("missing features.stack or features.normalise");
    }
    return new FeatureConfig(LogMelConfig.fromMetadata(m, "features."), Integer.parseInt(stack), Boolean.parseBoolean(norm));
  }
}
