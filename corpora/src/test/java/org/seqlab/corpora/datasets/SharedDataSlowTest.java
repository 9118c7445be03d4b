package org.seqlab.corpora.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.seqlab.corpora.datasets.Fixtures.SHARED;
import static org.seqlab.corpora.datasets.Fixtures.shared;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.seqlab.corpora.ConllReader;
import org.seqlab.corpora.ConllSentence;
import org.seqlab.corpora.SentencePair;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.corpora.VocabularyBuilder;
import org.seqlab.corpora.VocabularyConfig;
import org.seqlab.corpora.WhitespaceTokenStream;
import org.seqlab.corpora.datasets.Multi30k.Language;
import org.seqlab.corpora.datasets.Multi30k.Split;

/**
 * Reads the real files in /work/shared/data; skipped when they are absent. Expected numbers are the
 * measured figures in each dataset's SOURCE.md, or (eng-fra) the PyTorch tutorial's Python code run
 * on the file.
 */
@Tag("slow")
class SharedDataSlowTest {

  @Test
  void tinyShakespeare() {
    assumeTrue(shared("tinyshakespeare/input.txt"));
    TinyShakespeare ts = TinyShakespeare.load(SHARED.resolve("tinyshakespeare/input.txt"));
    assertEquals(1_115_394, ts.text().length());
    assertEquals(1_003_854, ts.train().length());
    assertEquals(111_540, ts.validation().length());
    assertEquals(65, ts.characters().size());
  }

  @Test
  void dinos() {
    assumeTrue(shared("dinos/dinos.txt"));
    List<String> names = Dinos.load(SHARED.resolve("dinos/dinos.txt"), true);
    assertEquals(1_536, names.size());
    assertEquals(1_524, new HashSet<>(names).size());
    assertEquals("zuul", names.get(names.size() - 1));
  }

  @Test
  void engFra() {
    assumeTrue(shared("eng-fra/fra.txt"));
    assertEquals(142_787, EngFra.load(SHARED.resolve("eng-fra/fra.txt"), EngFra.Config.all()).count());
    List<SentencePair> kept =
        EngFra.load(SHARED.resolve("eng-fra/fra.txt"), EngFra.Config.pytorchTutorial()).toList();
    // normalizeString / filterPair / eng_prefixes of the tutorial, run in Python on this file: 10,922
    assertEquals(10_922, kept.size());
    assertEquals(new SentencePair("i m .", "j ai ans ."), kept.get(0));
  }

  @Test
  void multi30k() {
    assumeTrue(shared("multi30k/raw"));
    int[] expected = {29_000, 1_014, 1_000};
    Split[] splits = Split.values();
    for (int i = 0; i < splits.length; i++) {
      assertEquals(expected[i], Multi30k.pairs(SHARED.resolve("multi30k"), splits[i], Language.EN, Language.DE).count());
      assertEquals(expected[i], Multi30k.pairs(SHARED.resolve("multi30k"), splits[i], Language.FR, Language.EN).count());
      assertEquals(expected[i], Multi30k.imageNames(SHARED.resolve("multi30k"), splits[i]).size());
    }
    long enWords = 0;
    for (String s : Multi30k.sentences(SHARED.resolve("multi30k"), Split.TRAIN, Language.EN)) {
      enWords += s.trim().split("\\s+").length;
    }
    assertEquals(345_020, enWords);
  }

  @Test
  void rtPolarity() {
    assumeTrue(shared("sentiment/rt-polarity"));
    List<LabeledText> all = SentimentData.rtPolarity(SHARED.resolve("sentiment/rt-polarity"));
    assertEquals(10_662, all.size());
    assertEquals(5_331, all.stream().filter(t -> t.label() == SentimentData.POSITIVE).count());
    assertEquals(StandardCharsets.UTF_8,
        SentimentData.detectCharset(SHARED.resolve("sentiment/rt-polarity/rt-polarity.pos")));
  }

  @Test
  void emojify() {
    assumeTrue(shared("sentiment/emojify"));
    assertLabelCounts(SentimentData.emojify(SHARED.resolve("sentiment/emojify/train_emoji.csv")), 22, 19, 38, 36, 17);
    assertLabelCounts(SentimentData.emojify(SHARED.resolve("sentiment/emojify/tesss.csv")), 7, 8, 18, 16, 7);
    assertLabelCounts(SentimentData.emojify(SHARED.resolve("sentiment/emojify/emojify_data.csv")), 33, 19, 56, 52, 23);
  }

  private static void assertLabelCounts(List<LabeledText> rows, int... counts) {
    int[] seen = new int[counts.length];
    for (LabeledText r : rows) {
      seen[r.label()]++;
      assertTrue(!r.text().isEmpty() && r.text().equals(r.text().strip()), r.text());
    }
    assertEquals(java.util.Arrays.toString(counts), java.util.Arrays.toString(seen));
  }

  @Test
  void conll2003() {
    assumeTrue(shared("ner/eng.train"));
    String[] files = {"eng.train", "eng.testa", "eng.testb"};
    int[] sentences = {14_041, 3_250, 3_453};
    int[] tokens = {203_621, 51_362, 46_435};
    for (int i = 0; i < files.length; i++) {
      List<ConllSentence> s = ConllReader.open(SHARED.resolve("ner").resolve(files[i])).toList();
      assertEquals(sentences[i], s.size(), files[i]);
      assertEquals(tokens[i], s.stream().mapToInt(ConllSentence::size).sum(), files[i]);
    }
  }

  @Test
  void text8() {
    assumeTrue(shared("text8/text8.zip"));
    WhitespaceTokenStream stream = WhitespaceTokenStream.open(SHARED.resolve("text8/text8.zip"));
    VocabularyBuilder b = new VocabularyBuilder().addAll(stream);
    assertEquals(16_943_202, b.tokensSeen());
    assertEquals(219_525, b.distinctTokens());
    Vocabulary v = b.build(VocabularyConfig.defaults().withMinCount(5));
    assertEquals(67_873, v.size());
    assertEquals(List.of("the", "of", "and", "in", "to", "a", "one", "zero", "is", "two", "nine", "as"),
        v.tokens().subList(0, 12));
  }
}
