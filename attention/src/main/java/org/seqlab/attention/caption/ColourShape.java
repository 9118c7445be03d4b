package org.seqlab.attention.caption;

import java.util.Objects;

/**
 * A colour-shape combination, e.g. a held-out "red triangle" that training scenes never contain.
 *
 * @param colour the colour
 * @param shape the shape
 */
public record ColourShape(ColourKind colour, ShapeKind shape) {
  public ColourShape {
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(shape, "shape");
  }

  /** Whether {@code o} has this colour and shape. */
  public boolean matches(SceneObject o) {
    return o.colour() == colour && o.shape() == shape;
  }

  /** For example {@code red-triangle}. */
  public String label() {
    return colour.word() + "-" + shape.word();
  }
}
