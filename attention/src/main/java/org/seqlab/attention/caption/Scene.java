package org.seqlab.attention.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A synthetic scene: objects in a layout, and every caption that describes it correctly.
 *
 * <p>Captions are lower-case, space-separated tokens (the comma is a token). With {@code NP} an
 * object's {@link SceneObject#phrase() phrase} ({@code a small red circle}) and the objects in
 * layout order (left to right, or top to bottom):
 *
 * <pre>
 *   SINGLE            NP0 | there is NP0 | NP0 on its own
 *   PAIR_HORIZONTAL   NP0 to the left of NP1 | NP1 to the right of NP0   (each also with "there is ")
 *   PAIR_VERTICAL     NP0 above NP1 | NP1 below NP0                       (each also with "there is ")
 *   ROW_HORIZONTAL    NP0 , NP1 and NP2 from left to right | NP2 , NP1 and NP0 from right to left
 *   ROW_VERTICAL      NP0 , NP1 and NP2 from top to bottom | NP2 , NP1 and NP0 from bottom to top
 * </pre>
 *
 * Training draws one of these uniformly; evaluation uses all of them as references.
 *
 * @param layout the arrangement
 * @param objects in layout order, as many as {@link Layout#objects()}
 */
public record Scene(Layout layout, List<SceneObject> objects) {
  public Scene {
    Objects.requireNonNull(layout, "layout");
    objects = List.copyOf(objects);
    if (objects.size() != layout.objects()) {
      throw new IllegalArgumentException(
          layout + " needs " + layout.objects() + " objects, got " + objects.size());
    }
  }

  /** Every correct caption, in a fixed order (the first is the canonical one). */
  public List<String> references() {
    List<String> out = new ArrayList<>();
    String a = objects.get(0).phrase();
    switch (layout) {
      case SINGLE -> {
        out.add(a);
        out.add("there is " + a);
        out.add(a + " on its own");
      }
      case PAIR_HORIZONTAL, PAIR_VERTICAL -> {
        String b = objects.get(1).phrase();
        boolean h = layout == Layout.PAIR_HORIZONTAL;
        String first = a + (h ? " to the left of " : " above ") + b;
        String second = b + (h ? " to the right of " : " below ") + a;
        out.add(first);
        out.add(second);
        out.add("there is " + first);
        out.add("there is " + second);
      }
      case ROW_HORIZONTAL, ROW_VERTICAL -> {
        String b = objects.get(1).phrase();
        String c = objects.get(2).phrase();
        boolean h = layout == Layout.ROW_HORIZONTAL;
        out.add(a + " , " + b + " and " + c + (h ? " from left to right" : " from top to bottom"));
        out.add(c + " , " + b + " and " + a + (h ? " from right to left" : " from bottom to top"));
      }
      default -> throw new AssertionError(layout);
    }
    return out;
  }

  /** One of the {@link #references()}, drawn uniformly. */
  public String caption(SplittableRandom rng) {
    List<String> refs = references();
    return refs.get(rng.nextInt(refs.size()));
  }
}
