package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.corpora.audio.Fsdd;

/**
 * Trigger-word detection on FSDD: one digit is the trigger; clips of background noise with 0-2
 * trigger words and 0-3 other digits at random times ({@link TriggerClips}); a GRU labels the
 * frames just after each trigger's end; detections are peaks with a refractory period, scored by
 * precision, recall and F1 against the true trigger ends. Test clips use only FSDD's official test
 * recordings (takes 0-4). The default detector is a bidirectional GRU, which reads whole
 * recordings; {@link Options#withBidirectional(boolean) withBidirectional(false)} trains a causal one.
 */
public final class TriggerWord {
  /** Detections may come this many seconds before the trigger's end ... */
  static final double EARLY = 0.1;
  /** ... or this many after it. */
  static final double LATE = 0.6;

  private TriggerWord() {}

  /**
   * @param trigger the trigger digit
   * @param bidirectional a bidirectional GRU (offline) rather than a causal one (streaming)
   * @param clipSeconds clip length
   * @param positiveFrames frames labelled 1 after each trigger end
   * @param positiveWeight loss weight of those frames
   */
  public record Options(
      Path data, int trigger, int hidden, int layers, boolean bidirectional, TrainConfig train, double clipSeconds, int positiveFrames,
      double positiveWeight, int testClips, long seed, Path modelOut, Path checkpoint, Consumer<String> log) {
    public Options {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(train, "train");
      Objects.requireNonNull(log, "log");
      if (testClips < 1 || positiveFrames < 1 || !(positiveWeight > 0)) {
        throw new IllegalArgumentException("testClips, positiveFrames >= 1 and positiveWeight > 0 needed, got "
            + testClips + ", " + positiveFrames + ", " + positiveWeight);
      }
    }

    /** Quality-run defaults: trigger "3", 3 s clips, two bidirectional GRU layers of 96, 1,500 steps of 32 clips. */
    public static Options defaults(Path data) {
      return new Options(data, 3, 96, 2, true, new TrainConfig(1500, 32, 3e-3, 100, 5.0), 3.0, 8, 2.0, 500, 1, null, null,
          System.out::println);
    }

    public Options with(int hiddenSize, int layerCount, TrainConfig t, int tests) {
      return new Options(data, trigger, hiddenSize, layerCount, bidirectional, t, clipSeconds, positiveFrames, positiveWeight, tests, seed, modelOut, checkpoint, log);
    }

    public Options withBidirectional(boolean bi) {
      return new Options(data, trigger, hidden, layers, bi, train, clipSeconds, positiveFrames, positiveWeight, testClips, seed, modelOut, checkpoint, log);
    }

    public Options withFiles(Path model, Path ckpt, long s, Consumer<String> l) {
      return new Options(data, trigger, hidden, layers, bidirectional, train, clipSeconds, positiveFrames, positiveWeight, testClips, s, model, ckpt, l);
    }

    public String signature() {
      return String.format(Locale.ROOT, "trigger|word:%d|gru|hid:%d|layers:%d|bi:%d|%s|clip:%ss|pos:%d|posw:%s|test:%d|seed:%d",
          trigger, hidden, layers, bidirectional ? 1 : 0, train.signature(), clipSeconds, positiveFrames, positiveWeight, testClips, seed);
    }
  }

  /** Scores on the test clips at the default threshold and refractory period. */
  public record Result(Detections.Score score, int testClips, double trainSeconds, TriggerDetector detector) {}

  public static Result run(Options o) throws IOException {
    List<Fsdd.Recording> all = Fsdd.load(o.data());
    List<DigitUtterances.Clip> train = DigitUtterances.read(all.stream().filter(r -> !r.officialTest()).toList());
    List<DigitUtterances.Clip> test = DigitUtterances.read(all.stream().filter(Fsdd.Recording::officialTest).toList());
    o.log().accept("settings " + o.signature());
    TriggerClips trainClips = TriggerClips.of(train, o.trigger(), 8000, o.clipSeconds());
    TriggerClips testClips = TriggerClips.of(test, o.trigger(), 8000, o.clipSeconds());
    o.log().accept(String.format(Locale.ROOT, "data     %s: %d training and %d test recordings", o.data(), train.size(), test.size()));
    FeatureConfig fc = FeatureConfig.speech8k();
    TriggerDetector det = TriggerDetector.create(fc, o.hidden(), o.trigger(), o.layers(), o.bidirectional(), Seeds.derive(o.seed(), "init"));
    o.log().accept("model    " + det.model().signature() + ", " + det.model().parameters().count() + " parameters");
    SpeechTrainer trainer = new SpeechTrainer(o.train(), 50, p -> o.log().accept("progress " + p.format()));
    if (o.checkpoint() != null) {
      trainer = trainer.withCheckpoint(o.checkpoint(), 200);
    }
    long t0 = System.nanoTime();
    trainer.train(det.model(), step -> batch(trainClips, fc, o, Seeds.derive(o.seed(), step)),
        TriggerDetector.objective(o.positiveWeight()), o.seed());
    double secs = (System.nanoTime() - t0) / 1e9;
    o.log().accept(String.format(Locale.ROOT, "trained  %d steps in %.1f s", o.train().steps(), secs));
    Detections.Score score = evaluate(det, testClips, o);
    o.log().accept(String.format(Locale.ROOT,
        "test     %d clips, %d triggers, %d detections: precision %.4f, recall %.4f, F1 %.4f (threshold %s, refractory %s s, window -%s/+%s s)",
        o.testClips(), score.events(), score.detections(), score.precision(), score.recall(), score.f1(),
        TriggerDetector.THRESHOLD, TriggerDetector.REFRACTORY, EARLY, LATE));
    det.model().putProvenance("run.settings", o.signature());
    det.model().putProvenance("run.test.f1", Double.toString(score.f1()));
    if (o.modelOut() != null) {
      det.model().save(o.modelOut());
      o.log().accept("saved    " + o.modelOut());
    }
    return new Result(score, o.testClips(), secs, det);
  }

  static SpeechTrainer.Batch batch(TriggerClips clips, FeatureConfig fc, Options o, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int b = o.train().batchSize();
    List<float[][]> feats = new ArrayList<>();
    int[] lengths = new int[b];
    int[][] targets = new int[b][];
    for (int i = 0; i < b; i++) {
      TriggerClips.Clip c = clips.sample(rng);
      float[][] f = fc.compute(c.audio());
      feats.add(f);
      lengths[i] = f.length;
      targets[i] = TriggerClips.frameTargets(c.triggerEnds(), f.length, fc.frameRate(), o.positiveFrames());
    }
    return new SpeechTrainer.Batch(AcousticModel.pad(feats, fc.width()), lengths, targets);
  }

  static Detections.Score evaluate(TriggerDetector det, TriggerClips clips, Options o) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(o.seed(), "test"));
    Detections.Score total = new Detections.Score(0, 0, 0);
    FeatureConfig fc = det.model().features();
    for (int done = 0; done < o.testClips(); done += 32) {
      int n = Math.min(32, o.testClips() - done);
      List<float[][]> feats = new ArrayList<>();
      List<double[]> ends = new ArrayList<>();
      int[] lengths = new int[n];
      for (int i = 0; i < n; i++) {
        TriggerClips.Clip c = clips.sample(rng);
        feats.add(fc.compute(c.audio()));
        lengths[i] = feats.get(i).length;
        ends.add(c.triggerEnds());
      }
      try (Tape tape = new Tape()) {
        INDArray logits = det.model().logits(tape, AcousticModel.pad(feats, fc.width()), lengths, false, 0).value();
        for (int i = 0; i < n; i++) {
          double[] p = TriggerDetector.probabilities(logits, i, lengths[i]);
          double[] d = Detections.peaks(p, fc.frameRate(), TriggerDetector.THRESHOLD, TriggerDetector.REFRACTORY);
          total = total.plus(Detections.score(d, ends.get(i), EARLY, LATE));
        }
      }
    }
    return total;
  }

  /** {@code TriggerWord [fsddDir] [steps] [seed] [modelOut] [checkpoint] [causal]}: the quality run. */
  public static void main(String[] args) throws IOException {
    String env = System.getenv("SEQLAB_DATA");
    Path data = args.length > 0 ? Path.of(args[0])
        : (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data")).resolve("fsdd");
    Options o = Options.defaults(data);
    if (args.length > 1) {
      o = o.with(o.hidden(), o.layers(), o.train().withSteps(Integer.parseInt(args[1])), o.testClips());
    }
    long seed = args.length > 2 ? Long.parseLong(args[2]) : o.seed();
    o = o.withFiles(args.length > 3 ? Path.of(args[3]) : null, args.length > 4 ? Path.of(args[4]) : null, seed, o.log());
    if (args.length > 5 && args[5].equals("causal")) {
      o = o.withBidirectional(false);
    }
    run(o);
  }
}
