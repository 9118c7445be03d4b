package org.seqlab.attention.caption;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.seqlab.core.Seeds;

/**
 * A seeded, restartable source of synthetic captioned scenes: scene {@code i} of a split is a pure
 * function of {@code (seed, split, i)}, so every run, thread and checkpoint resume sees the same
 * scenes.
 *
 * <p>Layouts are drawn with probabilities 0.3 single, 0.2 + 0.2 horizontal and vertical pairs, 0.15
 * + 0.15 horizontal and vertical rows of three; colour, shape and size uniformly per object. Pairs
 * are separated by at least 0.24 of the image side along their axis and at most 0.12 across it, so
 * the relation is unambiguous; neighbours may overlap (occlusion) but their centres stay at least
 * 0.7 of the sum of their radii apart. The {@link SceneSplit#TRAIN} and {@link SceneSplit#TEST}
 * splits reject objects with a held-out colour-shape combination; in {@link SceneSplit#NOVEL} at
 * least one object has one.
 */
public final class SceneGenerator {
  private final SceneConfig config;
  private final long seed;
  private final SceneRenderer renderer;

  public SceneGenerator(SceneConfig config, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    this.seed = seed;
    this.renderer = new SceneRenderer(config);
  }

  public SceneConfig config() {
    return config;
  }

  public long seed() {
    return seed;
  }

  /**
   * One example: the scene, its rendered image and one caption drawn from its references.
   *
   * @param scene the scene
   * @param image {@code imageSize x imageSize} RGB render with noise and occlusion
   * @param caption the training caption
   */
  public record Example(Scene scene, BufferedImage image, String caption) {}

  /** Example {@code index} of {@code split}: scene, render and caption each from its own seed. */
  public Example example(SceneSplit split, long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    long s = Seeds.derive(Seeds.derive(seed, split.name()), index);
    Scene scene = scene(new SplittableRandom(Seeds.derive(s, "scene")), split);
    BufferedImage image = renderer.render(scene, Seeds.derive(s, "render"));
    String caption = scene.caption(new SplittableRandom(Seeds.derive(s, "caption")));
    return new Example(scene, image, caption);
  }

  /** Scene {@code index} of {@code split} without rendering it (the scene of {@link #example}). */
  public Scene scene(SceneSplit split, long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    long s = Seeds.derive(Seeds.derive(seed, split.name()), index);
    return scene(new SplittableRandom(Seeds.derive(s, "scene")), split);
  }

  /** Renders any scene with this generator's settings. */
  public BufferedImage render(Scene scene, long renderSeed) {
    return renderer.render(scene, renderSeed);
  }

  private Scene scene(SplittableRandom rng, SceneSplit split) {
    double u = rng.nextDouble();
    Layout layout = u < 0.3 ? Layout.SINGLE : u < 0.5 ? Layout.PAIR_HORIZONTAL : u < 0.7 ? Layout.PAIR_VERTICAL
        : u < 0.85 ? Layout.ROW_HORIZONTAL : Layout.ROW_VERTICAL;
    int n = layout.objects();
    ColourKind[] colours = new ColourKind[n];
    ShapeKind[] shapes = new ShapeKind[n];
    SizeKind[] sizes = new SizeKind[n];
    for (int i = 0; i < n; i++) {
      do {
        colours[i] = pick(rng, ColourKind.values());
        shapes[i] = pick(rng, ShapeKind.values());
      } while (split != SceneSplit.NOVEL && heldOut(colours[i], shapes[i]));
      sizes[i] = pick(rng, SizeKind.values());
    }
    if (split == SceneSplit.NOVEL) {
      boolean any = false;
      for (int i = 0; i < n; i++) {
        any |= heldOut(colours[i], shapes[i]);
      }
      if (!any) {
        int i = rng.nextInt(n);
        ColourShape h = config.heldOut().get(rng.nextInt(config.heldOut().size()));
        colours[i] = h.colour();
        shapes[i] = h.shape();
      }
    }
    double[] radius = new double[n];
    for (int i = 0; i < n; i++) {
      radius[i] = sizes[i].minRadius() + rng.nextDouble() * (sizes[i].maxRadius() - sizes[i].minRadius());
    }
    double[][] xy = place(rng, layout, radius);
    List<SceneObject> objects = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double jitter = Math.toRadians(rng.nextDouble() * 30 - 15);
      double angle = shapes[i] == ShapeKind.DIAMOND ? Math.PI / 4 + jitter : jitter;
      objects.add(new SceneObject(shapes[i], colours[i], sizes[i], xy[i][0], xy[i][1], radius[i], angle));
    }
    return new Scene(layout, objects);
  }

  private boolean heldOut(ColourKind c, ShapeKind s) {
    return config.heldOut().contains(new ColourShape(c, s));
  }

  /** Centres in layout order; positions are redrawn until neighbours keep their distance. */
  private static double[][] place(SplittableRandom rng, Layout layout, double[] r) {
    for (int attempt = 0; ; attempt++) {
      double[][] xy = draw(rng, layout, r, attempt < 50 ? 1 : 0);
      if (separated(xy, r)) {
        return xy;
      }
    }
  }

  /** Main-axis and cross-axis coordinates for each object ({@code jitter} 0 gives the nominal spots). */
  private static double[][] draw(SplittableRandom rng, Layout layout, double[] r, double jitter) {
    int n = r.length;
    double[][] xy = new double[n][2];
    switch (layout) {
      case SINGLE -> {
        xy[0][0] = within(rng, r[0] + 0.03, 1 - r[0] - 0.03);
        xy[0][1] = within(rng, r[0] + 0.03, 1 - r[0] - 0.03);
      }
      case PAIR_HORIZONTAL, PAIR_VERTICAL -> {
        int axis = layout == Layout.PAIR_HORIZONTAL ? 0 : 1;
        double cross = within(rng, 0.28, 0.72);
        xy[0][axis] = 0.2 + jitter * rng.nextDouble() * 0.18;
        xy[1][axis] = 0.62 + jitter * rng.nextDouble() * 0.18;
        xy[0][1 - axis] = cross;
        xy[1][1 - axis] = clamp(cross + jitter * (rng.nextDouble() * 0.24 - 0.12), 0.15, 0.85);
      }
      case ROW_HORIZONTAL, ROW_VERTICAL -> {
        int axis = layout == Layout.ROW_HORIZONTAL ? 0 : 1;
        double cross = within(rng, 0.3, 0.7);
        for (int i = 0; i < 3; i++) {
          xy[i][axis] = 0.2 + 0.3 * i + jitter * (rng.nextDouble() * 0.08 - 0.04);
          xy[i][1 - axis] = clamp(cross + jitter * (rng.nextDouble() * 0.1 - 0.05), 0.15, 0.85);
        }
      }
      default -> throw new AssertionError(layout);
    }
    return xy;
  }

  private static boolean separated(double[][] xy, double[] r) {
    for (int i = 0; i < r.length; i++) {
      for (int j = i + 1; j < r.length; j++) {
        if (Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]) < 0.7 * (r[i] + r[j])) {
          return false;
        }
      }
    }
    return true;
  }

  private static double within(SplittableRandom rng, double lo, double hi) {
    return lo + rng.nextDouble() * (hi - lo);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static <T> T pick(SplittableRandom rng, T[] values) {
    return values[rng.nextInt(values.length)];
  }
}
