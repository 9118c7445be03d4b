package org.seqlab.attention;

/** How the decoder reads the encoder. */
public enum AttentionKind {
  /**
   * No attention: the encoder's final states initialise the decoder, which then sees only its
   * previous token (Sutskever et al. 2014; Cho et al. 2014).
   */
  NONE("none"),
  /** Bahdanau et al. (2014) additive attention over all encoder positions at every step. */
  ADDITIVE("additive");

  private final String label;

  AttentionKind(String label) {
    this.label = label;
  }

  /** Short name used in signatures. */
  public String label() {
    return label;
  }
}
