package org.seqlab.attention.caption;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How synthetic scenes are rendered.
 *
 * @param imageSize side of the square images in pixels, {@code >= 16}
 * @param noise standard deviation of the per-pixel Gaussian noise as a fraction of full scale, in
 *     {@code [0, 0.5]}
 * @param occlusion probability that a grey bar is drawn across the scene, in {@code [0, 1]}
 * @param heldOut colour-shape combinations kept out of the training split
 */
public record SceneConfig(int imageSize, double noise, double occlusion, List<ColourShape> heldOut) {
  /** The default held-out combinations: one per shape, each with a different colour. */
  public static final List<ColourShape> DEFAULT_HELD_OUT = List.of(
      new ColourShape(ColourKind.RED, ShapeKind.TRIANGLE),
      new ColourShape(ColourKind.GREEN, ShapeKind.CIRCLE),
      new ColourShape(ColourKind.BLUE, ShapeKind.DIAMOND),
      new ColourShape(ColourKind.YELLOW, ShapeKind.SQUARE));

  public SceneConfig {
    if (imageSize < 16) {
      throw new IllegalArgumentException("imageSize must be >= 16, got " + imageSize);
    }
    if (!(noise >= 0 && noise <= 0.5)) {
      throw new IllegalArgumentException("noise must be in [0, 0.5], got " + noise);
    }
    if (!(occlusion >= 0 && occlusion <= 1)) {
      throw new IllegalArgumentException("occlusion must be in [0, 1], got " + occlusion);
    }
    heldOut = List.copyOf(heldOut);
    if (heldOut.size() >= ColourKind.values().length * ShapeKind.values().length) {
      throw new IllegalArgumentException("at least one colour-shape combination must stay in training, got " + heldOut);
    }
  }

  /** 48-pixel images, noise 0.06, occlusion 0.3, the default held-out combinations. */
  public static SceneConfig defaults() {
    return new SceneConfig(48, 0.06, 0.3, DEFAULT_HELD_OUT);
  }

  public SceneConfig withImageSize(int size) {
    return new SceneConfig(size, noise, occlusion, heldOut);
  }

  /** Whether {@code o}'s colour-shape combination is held out. */
  public boolean isHeldOut(SceneObject o) {
    return heldOut.stream().anyMatch(h -> h.matches(o));
  }

  /** For example {@code scenes|px:48|noise:0.06|occ:0.3|held:red-triangle,green-circle|v:1}. */
  public String signature() {
    return String.format(Locale.ROOT, "scenes|px:%d|noise:%s|occ:%s|held:%s|v:1", imageSize, noise, occlusion,
        heldOut.stream().map(ColourShape::label).collect(Collectors.joining(",")));
  }
}
