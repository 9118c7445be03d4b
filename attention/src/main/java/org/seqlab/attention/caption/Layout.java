package org.seqlab.attention.caption;

/** How a scene's objects are arranged, which decides the relation words of its captions. */
public enum Layout {
  /** One object anywhere. */
  SINGLE(1),
  /** Two objects side by side: object 0 is to the left of object 1. */
  PAIR_HORIZONTAL(2),
  /** Two objects one over the other: object 0 is above object 1. */
  PAIR_VERTICAL(2),
  /** Three objects in a row, object 0 leftmost. */
  ROW_HORIZONTAL(3),
  /** Three objects in a column, object 0 at the top. */
  ROW_VERTICAL(3);

  private final int objects;

  Layout(int objects) {
    this.objects = objects;
  }

  /** Number of objects in a scene of this layout. */
  public int objects() {
    return objects;
  }
}
