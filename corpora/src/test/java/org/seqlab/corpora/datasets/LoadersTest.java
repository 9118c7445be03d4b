package org.seqlab.corpora.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.corpora.datasets.Fixtures.fixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.SentencePair;
import org.seqlab.corpora.datasets.Multi30k.Language;
import org.seqlab.corpora.datasets.Multi30k.Split;

class LoadersTest {
  @TempDir Path dir;

  @Test
  void tinyShakespeareSplitsNinetyTen() {
    TinyShakespeare ts = TinyShakespeare.load(fixture("tinyshakespeare/input.txt"));
    String text = ts.text();
    assertTrue(text.startsWith("First Walker:\nGood morrow"));
    assertEquals(94, text.length()); // len() of the fixture in Python
    assertEquals(84, ts.train().length()); // int(94 * 0.9) = 84
    assertEquals(text, ts.train() + ts.validation());
    // sorted distinct characters, newline and space first
    List<String> chars = ts.characters();
    assertEquals("\n", chars.get(0));
    assertEquals(" ", chars.get(1));
    assertEquals("!", chars.get(2));
  }

  @Test
  void tinyShakespeareSplitsByCodePoints() throws IOException {
    // 10 code points, 11 chars: the emoji is one code point and must not be cut
    Path p = dir.resolve("input.txt");
    Files.writeString(p, "abcdefgh😀z", StandardCharsets.UTF_8);
    TinyShakespeare ts = TinyShakespeare.load(p);
    assertEquals("abcdefgh😀", ts.train()); // int(10 * 0.9) = 9 code points
    assertEquals("z", ts.validation());
    Files.writeString(p, "", StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> TinyShakespeare.load(p));
  }

  @Test
  void dinosOnePerLine() {
    assertEquals(
        List.of("Aardvarkosaurus", "Brontodon", "Ceratops", "Zuzu"),
        Dinos.load(fixture("dinos/dinos.txt"), false));
    assertEquals("zuzu", Dinos.load(fixture("dinos/dinos.txt"), true).get(3));
  }

  @Test
  void engFraAllPairs() {
    List<SentencePair> all = EngFra.load(fixture("eng-fra/fra.txt"), EngFra.Config.all()).toList();
    assertEquals(7, all.size());
    assertEquals(new SentencePair("Go.", "Va !"), all.get(0));
    assertEquals(new SentencePair("I'm ready.", "Je suis prête."), all.get(2)); // 3rd column dropped
  }

  @Test
  void engFraTutorialFilter() {
    List<SentencePair> kept =
        EngFra.load(fixture("eng-fra/fra.txt"), EngFra.Config.pytorchTutorial()).toList();
    // by hand: "go ." has no prefix; "we ran ." neither; the "she is a very ..." pair has 12 words
    assertEquals(
        List.of(
            new SentencePair("i am cold .", "j ai froid ."),
            new SentencePair("i m ready .", "je suis prete ."),
            new SentencePair("he is tall .", "il est grand ."),
            new SentencePair("they re here .", "ils sont la .")),
        kept);
    assertEquals("engfra|norm:yes|maxw:9|prefix:yes", EngFra.Config.pytorchTutorial().signature());
  }

  @Test
  void engFraNormalize() {
    assertEquals("ca va ?", EngFra.normalize("Ça va ?"));
    assertEquals("j ai froid !", EngFra.normalize("  J'ai   froid!  "));
    assertEquals("qu est ce que c est ?", EngFra.normalize("Qu'est-ce que c'est\u202f?"));
  }

  @Test
  void multi30kSplitsAndLanguages() {
    Path root = fixture("multi30k");
    List<SentencePair> train = Multi30k.pairs(root, Split.TRAIN, Language.EN, Language.DE).toList();
    assertEquals(3, train.size());
    assertEquals(new SentencePair("Two men sit on a bench.", "Zwei Männer sitzen auf einer Bank."), train.get(1));
    List<SentencePair> val = Multi30k.pairs(root.resolve("raw"), Split.VALIDATION, Language.FR, Language.EN).toList();
    assertEquals(new SentencePair("Un chat dort.", "A cat sleeps."), val.get(0));
    assertEquals(List.of("Ein Vogel fliegt über Wasser."), Multi30k.sentences(root, Split.TEST2016, Language.DE));
    assertEquals(List.of("101.jpg", "102.jpg", "103.jpg"), Multi30k.imageNames(root, Split.TRAIN));
    assertThrows(IllegalArgumentException.class, () -> Multi30k.pairs(root, Split.TRAIN, Language.EN, Language.EN));
  }

  @Test
  void multi30kMismatchAndMissingFiles() {
    Path broken = fixture("multi30k-mismatch");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Multi30k.pairs(broken, Split.TRAIN, Language.EN, Language.DE));
    assertTrue(e.getMessage().contains("train.en.gz") && e.getMessage().contains("train.de.gz"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Multi30k.pairs(broken, Split.VALIDATION, Language.EN, Language.DE));
    assertTrue(e.getMessage().contains("val.en.gz"), e.getMessage());
  }

  @Test
  void rtPolarityUtf8AndWindows1252GiveTheSameText() {
    List<LabeledText> utf8 = SentimentData.rtPolarity(fixture("sentiment/rt-polarity"));
    List<LabeledText> cp1252 = SentimentData.rtPolarity(fixture("sentiment/rt-polarity-cp1252"));
    assertEquals(5, utf8.size());
    assertEquals(utf8, cp1252);
    assertEquals(new LabeledText("the plot is clichéd and the jokes fall flat .", SentimentData.NEGATIVE), utf8.get(1));
    assertEquals(new LabeledText("a gorgeous , witty film — simply a delight .", SentimentData.POSITIVE), utf8.get(3));
    assertEquals(SentimentData.WINDOWS_1252,
        SentimentData.detectCharset(fixture("sentiment/rt-polarity-cp1252/rt-polarity.pos")));
    // forcing UTF-8 on the Windows-1252 file fails with path and line
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> SentimentData.rtPolarity(fixture("sentiment/rt-polarity-cp1252"), StandardCharsets.UTF_8));
    assertTrue(e.getMessage().contains("rt-polarity.neg:2:"), e.getMessage());
  }

  @Test
  void emojifyBothCsvLayouts() {
    List<LabeledText> train = SentimentData.emojify(fixture("sentiment/emojify/train_emoji.csv"));
    assertEquals(5, train.size());
    assertEquals(new LabeledText("let us play ball", 1), train.get(1));
    assertEquals(new LabeledText("lunch is ready", 4), train.get(4));
    List<LabeledText> test = SentimentData.emojify(fixture("sentiment/emojify/tesss.csv"));
    assertEquals(
        List.of(new LabeledText("I adore my cat", 0), new LabeledText("the match was, fun", 1),
            new LabeledText("she said \"hi\"", 2)),
        test);
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> SentimentData.emojify(fixture("sentiment/emojify-bad/bad_label.csv")));
    assertTrue(e.getMessage().contains("bad_label.csv:2: expected a label in 0..4, got '7'"), e.getMessage());
  }

  @Test
  void splitsAreSeededPartitions() {
    List<Integer> items = java.util.stream.IntStream.range(0, 103).boxed().toList();
    DataSplit<Integer> s = DataSplit.random(items, 0.1, 0.2, 5);
    assertEquals(10, s.validation().size());
    assertEquals(21, s.test().size());
    assertEquals(72, s.train().size());
    java.util.Set<Integer> all = new java.util.HashSet<>(s.train());
    all.addAll(s.validation());
    all.addAll(s.test());
    assertEquals(103, all.size());
    assertEquals(s, DataSplit.random(items, 0.1, 0.2, 5));
    assertTrue(!s.equals(DataSplit.random(items, 0.1, 0.2, 6)));
    List<DataSplit<Integer>> folds = DataSplit.kFold(items, 10, 1);
    java.util.Set<Integer> tested = new java.util.HashSet<>();
    for (DataSplit<Integer> f : folds) {
      assertTrue(f.test().size() == 10 || f.test().size() == 11);
      assertEquals(103, f.train().size() + f.test().size());
      tested.addAll(f.test());
    }
    assertEquals(103, tested.size());
    assertThrows(IllegalArgumentException.class, () -> DataSplit.random(items, 0.6, 0.6, 1));
    assertThrows(IllegalArgumentException.class, () -> DataSplit.kFold(items, 1, 1));
  }
}
