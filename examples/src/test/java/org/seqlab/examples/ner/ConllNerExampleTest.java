package org.seqlab.examples.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.sequence.NerTagger;
import org.seqlab.sequence.NerTaggerConfig;
import org.seqlab.sequence.NerTrainer;
import org.seqlab.sequence.TagScheme;

class ConllNerExampleTest {
  @TempDir Path dir;

  /**
   * The invented fixture (see SOURCE.md; no CoNLL-2003 data is tracked) copied into a temporary
   * folder under the file names of the CoNLL-2003 layout that the example reads.
   */
  Path fixture() throws URISyntaxException, IOException {
    Path from = Path.of(ConllNerExampleTest.class.getResource("invented.train").toURI()).getParent();
    Path to = java.nio.file.Files.createDirectories(dir.resolve("conll"));
    for (String split : List.of("train", "testa", "testb")) {
      java.nio.file.Files.copy(from.resolve("invented." + split), to.resolve("eng." + split),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return to;
  }

  @Test
  void trainsOnTheHandWrittenFixtureAndReportsSpanF1() throws Exception {
    NerTaggerConfig cfg = new NerTaggerConfig(8, 6, 8, 4, 16, 0.0, true, 12, 8, 0.01, 5);
    StringWriter log = new StringWriter();
    Path out = dir.resolve("ner.seqlab");
    ConllNerExample.Result r = ConllNerExample.run(new ConllNerExample.Options(fixture(), cfg, null, false,
        NerTrainer.DEFAULT_UNKNOWN_REPLACEMENT, Double.NaN, TagScheme.IOB2, false, 0, 3, out,
        dir.resolve("ck"), new PrintWriter(log)));
    // the fixture's 56 sentences reuse a few names and patterns: a working tagger gets them all
    assertTrue(r.testF1() > 0.9, r.testF1() + "\n" + log);
    assertTrue(log.toString().contains("test F1") && log.toString().contains("PER") && log.toString().contains("ETA"), log.toString());
    NerTagger back = NerTagger.load(out);
    assertEquals(List.of("B-PER", "I-PER", "O", "B-LOC", "O"), back.tag(List.of("Anna", "Berg", "visited", "Oslo", ".")));
  }

  @Test
  void iob1BecomesIob2() {
    assertEquals(List.of("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"),
        ConllNerExample.toIob2(List.of("I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG")));
    assertThrows(IllegalArgumentException.class, () -> ConllNerExample.toIob2(List.of("E-PER")));
  }
}
