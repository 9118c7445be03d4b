package org.seqlab.attention.caption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqlab.corpora.Vocabulary;

class SceneGeneratorTest {
  private static final SceneConfig CLEAN = new SceneConfig(48, 0, 0, SceneConfig.DEFAULT_HELD_OUT);

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void sameSeedAndIndexGiveTheSameExample() {
    SceneGenerator a = new SceneGenerator(SceneConfig.defaults(), 7);
    SceneGenerator b = new SceneGenerator(SceneConfig.defaults(), 7);
    for (int i = 0; i < 20; i++) {
      SceneGenerator.Example x = a.example(SceneSplit.TRAIN, i);
      SceneGenerator.Example y = b.example(SceneSplit.TRAIN, i);
      assertEquals(x.scene(), y.scene());
      assertEquals(x.caption(), y.caption());
      assertEquals(x.scene(), a.scene(SceneSplit.TRAIN, i)); // the scene does not depend on rendering
      assertArrayEquals(pixels(x.image()), pixels(y.image()));
    }
    assertNotEquals(a.example(SceneSplit.TRAIN, 0).scene(), new SceneGenerator(SceneConfig.defaults(), 8).example(SceneSplit.TRAIN, 0).scene());
    assertNotEquals(a.example(SceneSplit.TRAIN, 3).scene(), a.example(SceneSplit.TEST, 3).scene());
  }

  @Test
  void heldOutCombinationsStayOutOfTrainingAndIntoNovel() {
    SceneGenerator g = new SceneGenerator(SceneConfig.defaults(), 1);
    Set<ColourShape> seenInTrain = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      for (SceneSplit split : List.of(SceneSplit.TRAIN, SceneSplit.TEST)) {
        for (SceneObject o : g.scene(split, i).objects()) {
          assertFalse(g.config().isHeldOut(o), split + " scene " + i + " has held-out " + o);
          seenInTrain.add(new ColourShape(o.colour(), o.shape()));
        }
      }
      assertTrue(g.scene(SceneSplit.NOVEL, i).objects().stream().anyMatch(g.config()::isHeldOut),
          "novel scene " + i + " has no held-out combination");
    }
    assertEquals(20 - 4, seenInTrain.size()); // every other combination occurs
  }

  @Test
  void layoutsMatchTheirRelationsAndAppearInRoughProportion() {
    SceneGenerator g = new SceneGenerator(SceneConfig.defaults(), 2);
    Map<Layout, Integer> counts = new EnumMap<>(Layout.class);
    int n = 2000;
    for (int i = 0; i < n; i++) {
      Scene s = g.scene(SceneSplit.TRAIN, i);
      counts.merge(s.layout(), 1, Integer::sum);
      List<SceneObject> o = s.objects();
      switch (s.layout()) {
        case PAIR_HORIZONTAL -> assertTrue(o.get(1).x() - o.get(0).x() >= 0.24
            && Math.abs(o.get(1).y() - o.get(0).y()) <= 0.12 + 1e-9, s.toString());
        case PAIR_VERTICAL -> assertTrue(o.get(1).y() - o.get(0).y() >= 0.24
            && Math.abs(o.get(1).x() - o.get(0).x()) <= 0.12 + 1e-9, s.toString());
        case ROW_HORIZONTAL -> assertTrue(o.get(0).x() < o.get(1).x() && o.get(1).x() < o.get(2).x(), s.toString());
        case ROW_VERTICAL -> assertTrue(o.get(0).y() < o.get(1).y() && o.get(1).y() < o.get(2).y(), s.toString());
        case SINGLE -> assertEquals(1, o.size());
        default -> throw new AssertionError();
      }
      for (int a = 0; a < o.size(); a++) {
        for (int b = a + 1; b < o.size(); b++) {
          double d = Math.hypot(o.get(a).x() - o.get(b).x(), o.get(a).y() - o.get(b).y());
          assertTrue(d >= 0.7 * (o.get(a).radius() + o.get(b).radius()), "objects too close in " + s);
        }
      }
    }
    // expected 0.3 / 0.2 / 0.2 / 0.15 / 0.15; with n = 2000 each share is within 0.04 (> 4 sigma)
    assertEquals(0.30, counts.get(Layout.SINGLE) / (double) n, 0.04);
    assertEquals(0.20, counts.get(Layout.PAIR_HORIZONTAL) / (double) n, 0.04);
    assertEquals(0.15, counts.get(Layout.ROW_VERTICAL) / (double) n, 0.04);
  }

  @Test
  void referencesCoverEveryTemplateAndUseOnlyVocabularyWords() {
    SceneObject red = new SceneObject(ShapeKind.CIRCLE, ColourKind.RED, SizeKind.SMALL, 0.3, 0.5, 0.08, 0);
    SceneObject blue = new SceneObject(ShapeKind.SQUARE, ColourKind.BLUE, SizeKind.LARGE, 0.7, 0.5, 0.15, 0);
    Scene pair = new Scene(Layout.PAIR_HORIZONTAL, List.of(red, blue));
    assertEquals(List.of(
        "a small red circle to the left of a large blue square",
        "a large blue square to the right of a small red circle",
        "there is a small red circle to the left of a large blue square",
        "there is a large blue square to the right of a small red circle"), pair.references());
    Scene one = new Scene(Layout.SINGLE, List.of(red));
    assertEquals(List.of("a small red circle", "there is a small red circle", "a small red circle on its own"), one.references());
    SceneObject g = new SceneObject(ShapeKind.TRIANGLE, ColourKind.GREEN, SizeKind.SMALL, 0.5, 0.8, 0.08, 0);
    Scene col = new Scene(Layout.ROW_VERTICAL, List.of(red, blue, g));
    assertEquals("a small green triangle , a large blue square and a small red circle from bottom to top", col.references().get(1));
    Vocabulary v = CaptionVocabulary.standard();
    SceneGenerator gen = new SceneGenerator(SceneConfig.defaults(), 3);
    for (int i = 0; i < 100; i++) {
      SceneGenerator.Example e = gen.example(SceneSplit.NOVEL, i);
      assertTrue(e.scene().references().contains(e.caption()));
      for (String ref : e.scene().references()) {
        for (String w : ref.split(" ")) {
          assertTrue(v.contains(w), "'" + w + "' of '" + ref + "' is not in the vocabulary");
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new Scene(Layout.PAIR_VERTICAL, List.of(red)));
  }

  @Test
  void rendersEachObjectInItsColourWithoutNoise() {
    SceneGenerator g = new SceneGenerator(CLEAN, 4);
    int checked = 0;
    for (int i = 0; i < 200 && checked < 40; i++) {
      SceneGenerator.Example e = g.example(SceneSplit.TRAIN, i);
      if (e.scene().layout() != Layout.SINGLE) {
        continue;
      }
      SceneObject o = e.scene().objects().get(0);
      int rgb = e.image().getRGB((int) (o.x() * 48), (int) (o.y() * 48));
      int[] base = o.colour().rgb();
      int[] got = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
      for (int c = 0; c < 3; c++) {
        assertTrue(Math.abs(got[c] - base[c]) <= 25, o + " centre pixel " + java.util.Arrays.toString(got));
      }
      checked++;
    }
    assertTrue(checked >= 40);
    assertEquals(48, g.example(SceneSplit.TEST, 0).image().getWidth());
  }

  @Test
  void configValidatesAndSigns() {
    assertEquals("scenes|px:48|noise:0.06|occ:0.3|held:red-triangle,green-circle,blue-diamond,yellow-square|v:1",
        SceneConfig.defaults().signature());
    assertThrows(IllegalArgumentException.class, () -> new SceneConfig(8, 0, 0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new SceneConfig(48, -1, 0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new SceneConfig(48, 0, 2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new SceneGenerator(CLEAN, 1).example(SceneSplit.TRAIN, -1));
  }
}
