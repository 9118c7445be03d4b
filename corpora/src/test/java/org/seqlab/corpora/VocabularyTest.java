package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final List<String> TEXT = List.of("b", "a", "c", "a", "b", "a", "d", "e");

  @Test
  void idsFollowDescendingCountThenToken() {
    // counts by hand: a=3, b=2, c=1, d=1, e=1 -> a, b, then c, d, e by token order
    Vocabulary v = VocabularyBuilder.fromTokens(TEXT, VocabularyConfig.defaults());
    assertEquals(List.of("a", "b", "c", "d", "e"), v.tokens());
    assertArrayEquals(new long[] {3, 2, 1, 1, 1}, v.counts());
    assertEquals(8, v.totalCount());
    assertEquals(3.0 / 8, v.frequency(0), 1e-15);
    assertFalse(v.hasSpecials());
    assertEquals(0, v.firstRegularId());
  }

  @Test
  void standardSpecialsComeFirst() {
    Vocabulary v =
        VocabularyBuilder.fromTokens(TEXT, VocabularyConfig.defaults().withSpecials(Specials.STANDARD));
    assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "a", "b", "c", "d", "e"), v.tokens());
    assertEquals(Vocabulary.PAD_ID, v.id("<pad>"));
    assertEquals(Vocabulary.UNK_ID, v.id("<unk>"));
    assertEquals(Vocabulary.BOS_ID, v.id("<bos>"));
    assertEquals(Vocabulary.EOS_ID, v.id("<eos>"));
    assertEquals(4, v.id("a"));
    assertEquals(0, v.count(Vocabulary.UNK_ID));
    assertEquals(Vocabulary.UNK_ID, v.id("never-seen"));
    assertTrue(v.find("never-seen").isEmpty());
    assertEquals(-1, v.indexOf("never-seen"));
  }

  @Test
  void literalSpecialTextIsCountedOnTheSpecial() {
    Vocabulary v =
        VocabularyBuilder.fromTokens(
            List.of("x", "<unk>", "<unk>", "x", "x"),
            VocabularyConfig.defaults().withSpecials(Specials.STANDARD));
    assertEquals(5, v.size());
    assertEquals(2, v.count(Vocabulary.UNK_ID));
    assertEquals(3, v.count(4));
  }

  @Test
  void minCountAndMaxSize() {
    Vocabulary min2 = VocabularyBuilder.fromTokens(TEXT, VocabularyConfig.defaults().withMinCount(2));
    assertEquals(List.of("a", "b"), min2.tokens());
    Vocabulary max3 =
        VocabularyBuilder.fromTokens(
            TEXT, VocabularyConfig.defaults().withMaxSize(3).withSpecials(Specials.STANDARD));
    assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "a", "b", "c"), max3.tokens());
  }

  @Test
  void unknownTokenWithoutSpecialsNamesTheToken() {
    Vocabulary v = VocabularyBuilder.fromTokens(TEXT, VocabularyConfig.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.id("zebra"));
    assertTrue(e.getMessage().contains("'zebra'"), e.getMessage());
    assertEquals(OptionalInt.of(1), v.find("b"));
    assertThrows(IllegalArgumentException.class, () -> v.encode(List.of("a", "zebra")));
    assertThrows(IllegalStateException.class, () -> v.encodeWithBoundaries(List.of("a")));
  }

  @Test
  void encodeDecode() {
    Vocabulary v =
        VocabularyBuilder.fromTokens(TEXT, VocabularyConfig.defaults().withSpecials(Specials.STANDARD));
    assertArrayEquals(new int[] {6, 4, 1}, v.encode(List.of("c", "a", "zebra")));
    assertArrayEquals(new int[] {2, 5, 8, 3}, v.encodeWithBoundaries(List.of("b", "e")));
    assertArrayEquals(new int[] {6, 4}, v.encodeKnown(List.of("c", "zebra", "a")));
    assertEquals(List.of("<bos>", "b", "<unk>"), v.decode(new int[] {2, 5, 1}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> v.decode(new int[] {9}));
    assertTrue(e.getMessage().contains("9"), e.getMessage());
  }

  @Test
  void constructorRejectsNonCanonicalLayouts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Vocabulary(Specials.NONE, new String[] {"a", "b"}, new long[] {1, 2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Vocabulary(Specials.NONE, new String[] {"b", "a"}, new long[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Vocabulary(Specials.NONE, new String[] {"a", "a"}, new long[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Vocabulary(Specials.STANDARD, new String[] {"a"}, new long[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new VocabularyBuilder().add(""));
    assertThrows(IllegalArgumentException.class, () -> new VocabularyConfig(0, 10, Specials.NONE));
    assertThrows(IllegalArgumentException.class, () -> new VocabularyConfig(1, 0, Specials.NONE));
  }

  @Test
  void counterMatchesHashMapOnManyRandomTokens() {
    SplittableRandom rnd = new SplittableRandom(7);
    Map<String, Long> reference = new HashMap<>();
    VocabularyBuilder b = new VocabularyBuilder();
    for (int i = 0; i < 300_000; i++) {
      // skewed ids so there are both frequent and rare tokens, and the table grows several times
      int id = (int) Math.floor(Math.pow(rnd.nextDouble(), 3) * 100_000);
      String t = "w" + id;
      reference.merge(t, 1L, Long::sum);
      b.add(t);
    }
    assertEquals(reference.size(), b.distinctTokens());
    assertEquals(300_000, b.tokensSeen());
    Vocabulary v = b.build(VocabularyConfig.defaults());
    assertEquals(reference.size(), v.size());
    for (int id = 0; id < v.size(); id++) {
      assertEquals(reference.get(v.token(id)), v.count(id), v.token(id));
    }
    for (int id = 1; id < v.size(); id++) {
      assertTrue(v.count(id - 1) >= v.count(id));
    }
  }

  @Test
  void mergeAddsCounts() {
    VocabularyBuilder a = new VocabularyBuilder().add("x").add("y", 3);
    VocabularyBuilder b = new VocabularyBuilder().add("x", 4);
    a.merge(b);
    assertEquals(5, a.count("x"));
    assertEquals(3, a.count("y"));
    assertEquals(8, a.tokensSeen());
  }

  @Test
  void signatureNamesEveryField() {
    assertEquals(
        "vocab|min:5|max:all|specials:none",
        VocabularyConfig.defaults().withMinCount(5).signature());
    assertEquals(
        "vocab|min:1|max:100|specials:standard",
        VocabularyConfig.defaults().withMaxSize(100).withSpecials(Specials.STANDARD).signature());
  }
}
