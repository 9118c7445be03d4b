package org.seqlab.examples.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Peak picking, the refractory period, matching and frame labels of the trigger-word task. */
class DetectionsTest {
  @Test
  void onePeakPerRunAndRefractoryPeriod() {
    double[] p = {0.1, 0.6, 0.9, 0.7, 0.2, 0.55, 0.1, 0.1, 0.1, 0.1, 0.8, 0.1};
    // runs [1..3] (peak at frame 2), [5] and [10]; at 10 frames/s: times 0.3, 0.6, 1.1
    assertArrayEquals(new double[] {0.3, 0.6, 1.1}, Detections.peaks(p, 10, 0.5, 0), 1e-12);
    // a 0.5 s refractory period drops the run at 0.6 s (0.3 s after the first)
    assertArrayEquals(new double[] {0.3, 1.1}, Detections.peaks(p, 10, 0.5, 0.5), 1e-12);
    assertArrayEquals(new double[] {0.3, 1.1}, Detections.peaks(p, 10, 0.75, 0), 1e-12);
  }

  @Test
  void scoringMatchesEachEventOnce() {
    Detections.Score s = Detections.score(new double[] {1.05, 1.1, 2.9, 5.0}, new double[] {1.0, 3.0, 4.0}, 0.1, 0.3);
    assertEquals(new Detections.Score(4, 3, 2), s); // 1.05 -> 1.0, 1.1 unmatched (1.0 taken), 2.9 -> 3.0, 5.0 none
    assertEquals(0.5, s.precision(), 1e-12);
    assertEquals(2 / 3.0, s.recall(), 1e-12);
    assertEquals(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), s.f1(), 1e-12);
    assertEquals(1.0, new Detections.Score(0, 0, 0).f1(), 1e-12);
  }

  @Test
  void framesAfterEachTriggerEndAreLabelled() {
    int[] y = TriggerClips.frameTargets(new double[] {0.25, 0.95}, 12, 10, 3);
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1}, y);
  }

  @Test
  void clipsPlaceTriggersWithoutOverlapAndReportTheirEnds() {
    float[] trig = new float[1600]; // 0.2 s
    java.util.Arrays.fill(trig, 0.5f);
    float[] other = new float[800];
    TriggerClips clips = new TriggerClips(List.of(new DigitUtterances.Clip(3, trig)), List.of(new DigitUtterances.Clip(1, other)), 8000, 3.0);
    SplittableRandom rng = new SplittableRandom(4);
    int triggers = 0;
    for (int i = 0; i < 50; i++) {
      TriggerClips.Clip c = clips.sample(rng);
      assertEquals(24000, c.audio().length());
      for (double end : c.triggerEnds()) {
        int e = (int) Math.round(end * 8000);
        assertTrue(end <= 3.0 - TriggerClips.TAIL_SECONDS + 1e-9, "trigger ends at " + end);
        // the constant trigger adds a positive offset of at least 3 dB over the background RMS, far
        // above the mean of 1600 background samples (a few percent of the RMS)
        double mean = 0;
        double bg = 0;
        for (int k = e - 1600; k < e; k++) {
          mean += c.audio().sample(k) / 1600;
        }
        for (int k = 0; k < c.audio().length(); k++) {
          bg = Math.max(bg, Math.abs(c.audio().sample(k)));
        }
        assertTrue(mean > 0.02 * bg, "end " + end + ": mean " + mean);
        triggers++;
      }
    }
    assertTrue(triggers > 20 && triggers < 80, "triggers " + triggers);
  }
}
