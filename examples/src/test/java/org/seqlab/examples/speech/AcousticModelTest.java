package org.seqlab.examples.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.corpora.audio.Audio;
import org.seqlab.corpora.audio.LogMelConfig;
import org.seqlab.sequence.CellType;

/** Model files (round trip, corruption, golden file) and checkpoint/resume of the speech trainer. */
class AcousticModelTest {
  static FeatureConfig tinyFeatures() {
    return new FeatureConfig(LogMelConfig.standard(8000).withMels(8), 2, true);
  }

  static Audio noise(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 0.1 * rng.nextGaussian();
    }
    return new Audio(8000, x);
  }

  @Test
  void roundTripKeepsEveryOutput(@TempDir Path dir) throws IOException {
    DigitRecognizer r = DigitRecognizer.create(tinyFeatures(), CellType.LSTM, 4, 2, 0.0, 7);
    Path f = dir.resolve("m.seqlab");
    r.model().save(f);
    DigitRecognizer back = DigitRecognizer.load(f);
    float[][] feats = r.model().features().compute(noise(1, 4000));
    assertArrayEquals(r.model().logits(feats).data().asFloat(), back.model().logits(feats).data().asFloat());
    assertEquals(r.model().signature(), back.model().signature());
  }

  @Test
  void corruptTruncatedAndForeignFilesGetClearErrors(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.seqlab");
    DigitRecognizer.create(tinyFeatures(), CellType.GRU, 3, 1, 0.0, 1).model().save(f);
    byte[] good = Files.readAllBytes(f);
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 1;
    Files.write(f, bad);
    assertMessage(f, "checksum mismatch");
    Files.write(f, java.util.Arrays.copyOf(good, good.length - 10));
    assertMessage(f, "truncated");
    Files.writeString(f, "not a model");
    assertMessage(f, "not a seqlab parameter file");
    Files.write(f, good);
    IOException e = assertThrows(IOException.class, () -> AcousticModel.load(f, TriggerDetector.KIND));
    assertTrue(e.getMessage().contains("expected 'trigger'"), e.getMessage());
  }

  private static void assertMessage(Path f, String part) {
    IOException e = assertThrows(IOException.class, () -> DigitRecognizer.load(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(part), e.getMessage());
  }

  /** src/test/resources/golden/speech-ctc-digits-v1.seqlab, written by {@link GoldenFiles}: must keep loading. */
  @Test
  void goldenFileLoads() throws Exception {
    Path golden = Path.of(getClass().getResource("/golden/speech-ctc-digits-v1.seqlab").toURI());
    DigitRecognizer r = DigitRecognizer.load(golden);
    assertEquals(GoldenFiles.digits().model().signature(), r.model().signature());
    assertEquals("1", r.model().provenance().get("run.seed"));
    // all-zero weights except a bias favouring class 3 ("2") then blank: best path "2"
    assertEquals("2", r.transcribe(noise(3, 2000)));
  }

  @Test
  void triggerGoldenFileLoads() throws Exception {
    Path golden = Path.of(getClass().getResource("/golden/speech-trigger-v1.seqlab").toURI());
    TriggerDetector d = TriggerDetector.load(golden);
    assertEquals(GoldenFiles.trigger().model().signature(), d.model().signature());
    assertEquals(7, d.trigger());
    for (double p : d.probabilities(noise(4, 3000))) {
      assertEquals(0.5, p, 1e-12); // zero weights: both classes equally likely
    }
  }

  @Test
  void resumedTrainingEndsWhereAnUninterruptedRunEnds(@TempDir Path dir) throws IOException {
    FeatureConfig fc = tinyFeatures();
    SpeechTrainer.Source source = step -> {
      SplittableRandom rng = new SplittableRandom(step);
      List<float[][]> feats = new ArrayList<>();
      int[][] labels = new int[3][];
      int[] lens = new int[3];
      for (int i = 0; i < 3; i++) {
        feats.add(fc.compute(noise(rng.nextLong(), 1500 + 400 * i)));
        lens[i] = feats.get(i).length;
        labels[i] = new int[] {rng.nextInt(10), rng.nextInt(10)};
      }
      return new SpeechTrainer.Batch(AcousticModel.pad(feats, fc.width()), lens, labels);
    };
    TrainConfig tc = new TrainConfig(6, 3, 1e-2, 1, 1.0);
    DigitRecognizer straight = DigitRecognizer.create(fc, CellType.GRU, 4, 1, 0.2, 5);
    new SpeechTrainer(tc, 2, p -> {}).train(straight.model(), source, DigitRecognizer.objective(), 9);
    Path ckpt = dir.resolve("c.ckpt");
    DigitRecognizer interrupted = DigitRecognizer.create(fc, CellType.GRU, 4, 1, 0.2, 5);
    List<SpeechTrainer.Progress> seen = new ArrayList<>();
    SpeechTrainer.Source failsAtStep3 = step -> {
      if (step == 3) {
        throw new IllegalStateException("interrupted");
      }
      return source.batch(step);
    };
    assertThrows(IllegalStateException.class, () -> new SpeechTrainer(tc, 1, seen::add).withCheckpoint(ckpt, 3)
        .train(interrupted.model(), failsAtStep3, DigitRecognizer.objective(), 9));
    assertEquals(3, seen.size());
    assertTrue(seen.get(2).format().startsWith("step 3/6") && seen.get(2).format().contains("ETA"), seen.get(2).format());
    DigitRecognizer resumed = DigitRecognizer.create(fc, CellType.GRU, 4, 1, 0.2, 5);
    long start = new SpeechTrainer(tc, 1, p -> {}).withCheckpoint(ckpt, 3).train(resumed.model(), source, DigitRecognizer.objective(), 9);
    assertEquals(3, start);
    assertEquals(flat(straight), flat(resumed));
    // a checkpoint of other settings or another seed is refused
    IOException e = assertThrows(IOException.class, () -> new SpeechTrainer(tc, 1, p -> {}).withCheckpoint(ckpt, 3)
        .train(DigitRecognizer.create(fc, CellType.GRU, 4, 1, 0.2, 5).model(), source, DigitRecognizer.objective(), 10));
    assertTrue(e.getMessage().contains("another run"), e.getMessage());
  }

  private static INDArray flat(DigitRecognizer r) {
    return org.nd4j.linalg.factory.Nd4j.toFlattened(r.model().parameters().list().stream().map(p -> p.value()).toList());
  }
}
