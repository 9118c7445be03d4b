package org.seqlab.decoding;

import java.util.Locale;

/**
 * How {@link Sampler} turns a step's logits into a token.
 *
 * @param temperature divides the logits before the softmax; {@code 0} means greedy (argmax), values
 *     below 1 sharpen and above 1 flatten the distribution. Must be finite and {@code >= 0}.
 * @param topK keep only the {@code topK} most probable tokens ({@code 0} keeps all)
 * @param topP nucleus sampling (Holtzman et al. 2020): keep the smallest set of most probable tokens
 *     whose probability sums to at least {@code topP}, in {@code (0, 1]} ({@code 1} keeps all)
 */
public record SamplerConfig(double temperature, int topK, double topP) {
  public SamplerConfig {
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0 (0 = no limit), got " + topK);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
    }
  }

  /** Plain ancestral sampling from softmax(logits). */
  public static SamplerConfig ancestral() {
    return new SamplerConfig(1.0, 0, 1.0);
  }

  /** Always the most probable token. */
  public static SamplerConfig greedy() {
    return new SamplerConfig(0.0, 0, 1.0);
  }

  public SamplerConfig withTemperature(double t) {
    return new SamplerConfig(t, topK, topP);
  }

  public SamplerConfig withTopK(int k) {
    return new SamplerConfig(temperature, k, topP);
  }

  public SamplerConfig withTopP(double p) {
    return new SamplerConfig(temperature, topK, p);
  }

  /** For example {@code sample|temp:0.8|topk:40|topp:1}. */
  public String signature() {
    return String.format(Locale.ROOT, "sample|temp:%s|topk:%d|topp:%s", fmt(temperature), topK, fmt(topP));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
