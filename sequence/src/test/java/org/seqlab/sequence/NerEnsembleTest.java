package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerEnsembleTest {
  static NerTagger train(long seed, int epochs, TagScheme scheme) throws IOException {
    return train(seed, epochs, 300, scheme);
  }

  static NerTagger train(long seed, int epochs, int sentences, TagScheme scheme) throws IOException {
    return new NerTrainer(NerTaggerTest.small(true, epochs)).withTagScheme(scheme)
        .train(NerTaggerTest.sentences(sentences, 1), null, null, seed, TrainingOptions.quiet());
  }

  @Test
  void membersAreDecodedTogetherAndOneMemberIsItself(@TempDir Path dir) throws IOException {
    // two short runs (3 epochs of 100 sentences) that each still mistype some unseen names (token accuracy ~0.91)
    NerTagger a = train(2, 3, 100, TagScheme.IOB2);
    NerTagger b = train(12, 3, 100, TagScheme.IOB2);
    List<NerTagger.Sentence> test = NerTaggerTest.sentences(200, 3);
    assertEquals(a.predict(test), new NerEnsemble(List.of(a)).predict(test));
    assertEquals(a.predict(test), new NerEnsemble(List.of(a, a)).predict(test), "doubling every score keeps the best path");
    List<List<String>> both = new NerEnsemble(List.of(a, b)).predict(test);
    double accA = NerTaggerTest.tokenAccuracy(a.predict(test), test);
    double accB = NerTaggerTest.tokenAccuracy(b.predict(test), test);
    double accBoth = NerTaggerTest.tokenAccuracy(both, test);
    assertTrue(!both.equals(a.predict(test)) && !both.equals(b.predict(test)), "the pair decodes differently from each member");
    assertTrue(accBoth >= Math.min(accA, accB), "ensemble " + accBoth + ", members " + accA + ", " + accB);
    Files.createDirectories(dir);
    a.save(dir.resolve("a.seqlab"), Map.of());
    b.save(dir.resolve("b.seqlab"), Map.of());
    NerEnsemble loaded = NerEnsemble.load(List.of(dir.resolve("a.seqlab"), dir.resolve("b.seqlab")));
    assertEquals(both, loaded.predict(test));
    assertEquals(both.get(0), loaded.tag(test.get(0).tokens()));
  }

  @Test
  void iobesMembersAnswerInIob2AndMismatchedMembersAreRefused(@TempDir Path dir) throws IOException {
    NerTagger e1 = train(2, 8, TagScheme.IOBES);
    NerTagger e2 = train(12, 8, TagScheme.IOBES);
    List<NerTagger.Sentence> test = NerTaggerTest.sentences(100, 3);
    List<List<String>> pred = new NerEnsemble(List.of(e1, e2)).predict(test);
    assertTrue(NerTaggerTest.tokenAccuracy(pred, test) > 0.95, "accuracy " + NerTaggerTest.tokenAccuracy(pred, test));
    assertTrue(pred.stream().flatMap(List::stream).noneMatch(t -> t.startsWith("S-") || t.startsWith("E-")), pred.toString());

    NerTagger iob2 = train(2, 1, TagScheme.IOB2);
    IllegalArgumentException tags = assertThrows(IllegalArgumentException.class, () -> new NerEnsemble(List.of(e1, iob2)));
    assertTrue(tags.getMessage().contains("member 1 has the tags"), tags.getMessage());
    NerTagger softmax = new NerTrainer(NerTaggerTest.small(false, 1)).train(NerTaggerTest.sentences(40, 1), null, null, 2, TrainingOptions.quiet());
    IllegalArgumentException crf = assertThrows(IllegalArgumentException.class, () -> new NerEnsemble(List.of(iob2, softmax)));
    assertTrue(crf.getMessage().contains("member 1") && crf.getMessage().contains("CRF"), crf.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NerEnsemble(List.of()));
    e1.save(dir.resolve("e1.seqlab"), Map.of());
    iob2.save(dir.resolve("iob2.seqlab"), Map.of());
    IOException io = assertThrows(IOException.class, () -> NerEnsemble.load(List.of(dir.resolve("e1.seqlab"), dir.resolve("iob2.seqlab"))));
    assertTrue(io.getMessage().contains("iob2.seqlab") && io.getMessage().contains("member 1"), io.getMessage());
  }
}
