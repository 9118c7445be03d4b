package org.seqlab.attention.caption;

import java.util.Locale;
import org.seqlab.decoding.BeamSearch;
import org.seqlab.decoding.BeamSearchConfig;
import org.seqlab.decoding.Decoder;
import org.seqlab.decoding.GreedySearch;

/**
 * How {@link CaptionModel#describe} searches.
 *
 * @param beamSize 1 for greedy search, else the beam width ({@code <= 64})
 * @param alpha length normalisation exponent of beam search, {@code score = logProb / length^alpha},
 *     in {@code [0, 5]}
 * @param maxLength most tokens per caption, {@code <eos>} included, in {@code [1, 200]}
 * @param attentionMaps also return the attention weights of every emitted token (attention models
 *     only; ignored otherwise)
 */
public record DecodeOptions(int beamSize, double alpha, int maxLength, boolean attentionMaps) {
  public DecodeOptions {
    if (beamSize < 1 || beamSize > 64) {
      throw new IllegalArgumentException("beamSize must be in [1, 64], got " + beamSize);
    }
    if (!(alpha >= 0 && alpha <= 5)) {
      throw new IllegalArgumentException("alpha must be in [0, 5], got " + alpha);
    }
    if (maxLength < 1 || maxLength > 200) {
      throw new IllegalArgumentException("maxLength must be in [1, 200], got " + maxLength);
    }
  }

  /** Greedy search, at most 40 tokens, no attention maps. */
  public static DecodeOptions greedy() {
    return new DecodeOptions(1, 0, 40, false);
  }

  /** Beam search of width {@code k} with {@code alpha = 0.7}, at most 40 tokens. */
  public static DecodeOptions beam(int k) {
    return new DecodeOptions(k, 0.7, 40, false);
  }

  public DecodeOptions withAttentionMaps(boolean v) {
    return new DecodeOptions(beamSize, alpha, maxLength, v);
  }

  public DecodeOptions withAlpha(double v) {
    return new DecodeOptions(beamSize, v, maxLength, attentionMaps);
  }

  /** The search. */
  public Decoder decoder() {
    return beamSize == 1 ? new GreedySearch(maxLength)
        : new BeamSearch(BeamSearchConfig.of(beamSize).withMaxLength(maxLength).withAlpha(alpha));
  }

  /** For example {@code greedy|max:40} or {@code beam|k:5|alpha:0.7|max:40}. */
  public String signature() {
    return beamSize == 1 ? "greedy|max:" + maxLength
        : String.format(Locale.ROOT, "beam|k:%d|alpha:%s|max:%d", beamSize, alpha, maxLength);
  }
}
