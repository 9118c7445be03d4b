package org.seqlab.attention.caption;

import java.util.Objects;

/**
 * One object of a scene, in coordinates relative to the image side ({@code (0, 0)} top left,
 * {@code (1, 1)} bottom right).
 *
 * @param shape what is drawn
 * @param colour its colour class
 * @param size its size class
 * @param x centre, in {@code [0, 1]}
 * @param y centre, in {@code [0, 1]}
 * @param radius half the extent, in {@code [size.minRadius(), size.maxRadius()]}
 * @param angle rotation in radians (a small jitter; a diamond is a square turned by 45 degrees plus
 *     jitter, a square is never turned more than 15 degrees)
 */
public record SceneObject(ShapeKind shape, ColourKind colour, SizeKind size, double x, double y, double radius, double angle) {
  public SceneObject {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(size, "size");
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
      throw new IllegalArgumentException("object centre must lie in the unit square, got (" + x + ", " + y + ")");
    }
    if (!(radius > 0 && radius < 0.5)) {
      throw new IllegalArgumentException("radius must be in (0, 0.5), got " + radius);
    }
  }

  /** The noun phrase, e.g. {@code a small red circle}. */
  public String phrase() {
    return "a " + size.word() + " " + colour.word() + " " + shape.word();
  }
}
