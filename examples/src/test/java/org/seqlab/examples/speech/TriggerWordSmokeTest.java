package org.seqlab.examples.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the trigger-word example end to end on generated tones (a few seconds). */
class TriggerWordSmokeTest {
  @Test
  void trainsEvaluatesAndSaves(@TempDir Path dir) throws Exception {
    Path data = FakeFsdd.write(dir.resolve("fsdd"), 4, 8, 6);
    List<String> log = new ArrayList<>();
    TriggerWord.Options o = TriggerWord.Options.defaults(data)
        .with(12, 1, new TrainConfig(30, 8, 1e-2, 5, 5.0), 16)
        .withBidirectional(false)
        .withFiles(dir.resolve("trigger.seqlab"), dir.resolve("trigger.ckpt"), 2, log::add);
    TriggerWord.Result r = TriggerWord.run(o);
    assertEquals(16, r.testClips());
    assertTrue(r.score().events() > 0, "some test clips contain the trigger");
    assertTrue(log.stream().anyMatch(l -> l.startsWith("test ") && l.contains("F1")), String.join("\n", log));
    TriggerDetector loaded = TriggerDetector.load(o.modelOut());
    assertEquals(3, loaded.trigger());
    assertTrue(!loaded.model().encoder().bidirectional());
    double[] p = loaded.probabilities(new org.seqlab.corpora.audio.Audio(8000, new double[16000]));
    assertEquals(Math.ceil(Math.ceil((16000 - 200) / 80.0 + 1) / 3), p.length, 1.0);
  }
}
