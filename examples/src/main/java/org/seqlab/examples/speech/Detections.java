package org.seqlab.examples.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Peak picking on a per-frame detection probability and scoring against reference events.
 *
 * <p>A detection is the highest frame of each run of frames with {@code p >= threshold}; a peak
 * closer than {@code refractory} seconds to the previous accepted detection is dropped (one
 * trigger makes one detection). A detection at time {@code d} matches the first unmatched reference
 * event {@code e} with {@code e - early <= d <= e + late}; precision = matched / detections, recall
 * = matched / events, F1 their harmonic mean.
 */
public final class Detections {
  private Detections() {}

  /**
   * @param p per-frame probabilities
   * @param frameRate frames per second (frame {@code f} is reported at time {@code (f + 1) / rate}, its end)
   * @return detection times in seconds
   */
  public static double[] peaks(double[] p, double frameRate, double threshold, double refractory) {
    if (!(threshold > 0 && threshold < 1) || !(refractory >= 0)) {
      throw new IllegalArgumentException("need 0 < threshold < 1 and refractory >= 0, got " + threshold + ", " + refractory);
    }
    List<Double> out = new ArrayList<>();
    double last = Double.NEGATIVE_INFINITY;
    int f = 0;
    while (f < p.length) {
      if (p[f] < threshold) {
        f++;
        continue;
      }
      int best = f;
      while (f < p.length && p[f] >= threshold) {
        if (p[f] > p[best]) {
          best = f;
        }
        f++;
      }
      double t = (best + 1) / frameRate;
      if (t - last >= refractory) {
        out.add(t);
        last = t;
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Matched-event counts. */
  public record Score(int detections, int events, int matched) {
    public Score plus(Score o) {
      return new Score(detections + o.detections, events + o.events, matched + o.matched);
    }

    public double precision() {
      return detections == 0 ? 1 : matched / (double) detections;
    }

    public double recall() {
      return events == 0 ? 1 : matched / (double) events;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Greedy one-to-one matching of sorted detections to sorted events. */
  public static Score score(double[] detections, double[] events, double early, double late) {
    boolean[] used = new boolean[events.length];
    int matched = 0;
    for (double d : detections) {
      for (int i = 0; i < events.length; i++) {
        if (!used[i] && d >= events[i] - early && d <= events[i] + late) {
          used[i] = true;
          matched++;
          break;
        }
      }
    }
    return new Score(detections.length, events.length, matched);
  }
}
