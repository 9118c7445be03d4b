package org.seqlab.examples.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.attention.caption.CaptionEvaluation;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.attention.caption.CaptionVariant;

/** Smoke test: the example runs end to end with tiny settings (the quality run is the README command). */
class CaptionExampleTest {
  @TempDir Path dir;

  @Test
  void runsEndToEnd() throws IOException {
    Path model = dir.resolve("m.spf");
    CaptionExample.Result r = CaptionExample.run(CaptionExample.Options.defaults(CaptionVariant.SHOW_AND_TELL)
        .withSteps(2).withBatchSize(2).withEvalScenes(2).withOutput(model, null, null));
    assertEquals(4, r.evaluations().size()); // test and novel, greedy and beam
    for (CaptionEvaluation e : r.evaluations()) {
      assertEquals(2, e.scenes());
      assertTrue(e.bleu() >= 0 && e.bleu() <= 1 && e.exactMatch() >= 0 && e.exactMatch() <= 1);
    }
    assertEquals(r.model().signature(), CaptionModel.load(model).signature());
    assertTrue(r.trainSeconds() > 0);
  }
}
