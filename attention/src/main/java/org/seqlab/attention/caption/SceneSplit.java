package org.seqlab.attention.caption;

/**
 * The splits of a synthetic scene set. Each split draws its scenes from its own seed stream
 * ({@code Seeds.derive(seed, split.name())}), so no render is shared between splits.
 */
public enum SceneSplit {
  /** Training scenes: no object has a held-out colour-shape combination. */
  TRAIN,
  /** Held-out renders from the training distribution (no held-out combination either). */
  TEST,
  /** Held-out renders in which at least one object has a held-out colour-shape combination. */
  NOVEL
}
