package org.seqlab.attention.caption;

import java.util.Locale;

/** The two caption decoders. */
public enum CaptionVariant {
  /**
   * "Show and tell" (Vinyals et al. 2015): the image vector initialises the LSTM state, and the
   * decoder then sees only the words.
   */
  SHOW_AND_TELL,
  /**
   * "Show, attend and tell" (Xu et al. 2015): at every step the decoder attends over the spatial
   * feature map (soft additive attention) and reads the attended context with the previous word.
   */
  SHOW_ATTEND_AND_TELL;

  /** For signatures and the command line, e.g. {@code show-and-tell}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The variant with this {@link #label()}. */
  public static CaptionVariant parse(String label) {
    for (CaptionVariant v : values()) {
      if (v.label().equals(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown caption variant '" + label + "'; expected show-and-tell or show-attend-and-tell");
  }
}
