package org.seqlab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqModel;
import org.seqlab.corpora.SentencePair;
import org.seqlab.examples.dates.DateGenerator;
import org.seqlab.examples.dates.DateNormalization;

class DatesSmokeTest {
  @Test
  void generatorWritesEveryFormatAndKeepsTestDatesOutOfTraining() {
    LocalDate moon = LocalDate.of(1969, 7, 20);
    assertEquals("July 20th 1969", DateGenerator.format(moon, 0));
    assertEquals("23 April, 1564", DateGenerator.format(LocalDate.of(1564, 4, 23), 1));
    assertEquals("Tue 10 Jul 2007", DateGenerator.format(LocalDate.of(2007, 7, 10), 2));
    assertEquals("Sunday, July 20, 1969", DateGenerator.format(moon, 7));
    assertEquals("07/20/1969", DateGenerator.format(moon, 6));
    assertEquals("Jul 20 '69", DateGenerator.format(moon, 10));
    assertEquals("the 1st of March 2001", DateGenerator.format(LocalDate.of(2001, 3, 1), 8));
    List<List<SentencePair>> split = DateGenerator.trainAndTest(3000, 300, 5);
    Set<String> test = new HashSet<>();
    split.get(1).forEach(p -> test.add(p.target()));
    assertTrue(split.get(0).stream().noneMatch(p -> test.contains(p.target())));
    assertEquals(split, DateGenerator.trainAndTest(3000, 300, 5), "same seed, same data");
    for (SentencePair p : split.get(0)) {
      LocalDate.parse(p.target()); // ISO
    }
  }

  @Test
  void tinyRunTrainsSavesAndDrawsTheHeatmap(@TempDir Path dir) throws IOException {
    DateNormalization.Options d = DateNormalization.Options.defaults(dir);
    DateNormalization.Options o = new DateNormalization.Options(256, 20,
        Seq2SeqConfig.builder().embedDim(8).encoderHidden(8).decoderHidden(8).attentionDim(8).outputDim(8).dropout(0).build(),
        d.training().withEpochs(1).withBatchSize(32), 2, 3, dir, null);
    DateNormalization.Result r = DateNormalization.run(o);
    assertTrue(r.greedyExactMatch() >= 0 && r.greedyExactMatch() <= 1);
    assertEquals(20, r.testSize());
    assertTrue(ImageIO.read(r.heatmap().toFile()).getWidth() > 100);
    assertTrue(Files.exists(dir.resolve("checkpoint.params")));
    assertEquals("8", Seq2SeqModel.load(r.modelDir()).provenance().get("run.steps"));
  }
}
