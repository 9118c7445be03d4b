package org.seqlab.attention.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.core.Parameter;
import org.seqlab.sequence.TrainingProgress;

class CaptionTrainerTest {
  @TempDir Path dir;

  private static final CaptionModelConfig MODEL =
      new CaptionModelConfig(CaptionVariant.SHOW_AND_TELL, 16, List.of(4, 6), 8, 12, 6, 0.1);
  private static final CaptionTrainConfig TRAIN = new CaptionTrainConfig(4, 12, 5e-3, 1e-3, 5.0, 6, 8);
  private static final SceneConfig SCENES = new SceneConfig(16, 0.05, 0.3, SceneConfig.DEFAULT_HELD_OUT);

  private static void assertSameParameters(CaptionModel a, CaptionModel b) {
    List<Parameter> pa = a.network().params.list();
    List<Parameter> pb = b.network().params.list();
    assertEquals(pa.size(), pb.size());
    for (int i = 0; i < pa.size(); i++) {
      assertEquals(pa.get(i).value(), pb.get(i).value(), pa.get(i).name());
    }
  }

  @Test
  void trainingReportsProgressAndLowersTheLoss() throws IOException {
    List<TrainingProgress> reports = new ArrayList<>();
    CaptionModel m = new CaptionTrainer(MODEL, TRAIN.withSteps(30).withLearningRate(1e-2, 1e-3), SCENES)
        .withProgress(10, reports::add).train(3);
    assertEquals(List.of(6L, 10L, 12L, 18L, 20L, 24L, 30L), reports.stream().map(TrainingProgress::step).toList());
    // seed 3: 3.45 nats at step 6, 3.10 at step 30 (log V = 3.50 for an untrained model)
    assertTrue(reports.get(reports.size() - 1).trainLoss() < reports.get(0).trainLoss() - 0.25,
        reports.stream().map(TrainingProgress::format).toList().toString());
    assertTrue(reports.stream().allMatch(p -> p.etaSeconds() >= 0));
    assertEquals("3", m.provenance().get("run.seed"));
    assertEquals(SCENES.signature(), m.provenance().get("run.scenes"));
  }

  @Test
  void sameSeedSameModelAndAResumedRunEqualsAnUninterruptedOne() throws IOException {
    CaptionModel full = new CaptionTrainer(MODEL, TRAIN, SCENES).train(5);
    assertSameParameters(full, new CaptionTrainer(MODEL, TRAIN, SCENES).train(5));
    Path ckpt = dir.resolve("run.ckpt");
    CaptionTrainer interrupted = new CaptionTrainer(MODEL, TRAIN, SCENES).withCheckpoint(ckpt, 5).withProgress(1, p -> {
      if (p.step() == 7) {
        throw new IllegalStateException("simulated crash at step 7");
      }
    });
    assertThrows(IllegalStateException.class, () -> interrupted.train(5));
    assertTrue(Files.exists(ckpt)); // written at step 5
    CaptionModel resumed = new CaptionTrainer(MODEL, TRAIN, SCENES).withCheckpoint(ckpt, 5).train(5);
    assertSameParameters(full, resumed);
    // a checkpoint of another run is refused
    IOException e = assertThrows(IOException.class, () -> new CaptionTrainer(MODEL, TRAIN, SCENES).withCheckpoint(ckpt, 5).train(6));
    assertTrue(e.getMessage().contains("another run"), e.getMessage());
  }
}
