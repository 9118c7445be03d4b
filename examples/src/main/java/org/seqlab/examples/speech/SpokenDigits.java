package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.seqlab.core.Seeds;
import org.seqlab.corpora.audio.Fsdd;
import org.seqlab.decoding.ctc.CtcBeamConfig;
import org.seqlab.decoding.ctc.CtcGreedyDecoder;
import org.seqlab.decoding.ctc.CtcPrefixBeamSearch;
import org.seqlab.metrics.ErrorRate;
import org.seqlab.sequence.CellType;

/**
 * Connected spoken-digit recognition with CTC on FSDD: utterances of {@code minDigits..maxDigits}
 * recordings joined with short gaps ({@link DigitUtterances}), a bidirectional recurrent network on
 * log-mel features, trained with CTC; reports character error rate and sequence accuracy on test
 * utterances built only from FSDD's official test recordings (takes 0-4), so no test recording is
 * heard in training. Every training step draws fresh utterances from the training recordings.
 */
public final class SpokenDigits {
  private SpokenDigits() {}

  /**
   * @param data the FSDD folder (holding MANIFEST.tsv)
   * @param cell GRU or LSTM
   * @param train optimisation settings
   * @param testUtterances number of test utterances
   * @param modelOut where to save the model, or null
   * @param checkpoint checkpoint file (resumed when present), or null
   * @param log receives progress and result lines
   */
  public record Options(
      Path data, CellType cell, int hidden, int layers, double dropout, TrainConfig train, int minDigits, int maxDigits,
      int testUtterances, int beamWidth, long seed, Path modelOut, Path checkpoint, Consumer<String> log) {
    public Options {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(cell, "cell");
      Objects.requireNonNull(train, "train");
      Objects.requireNonNull(log, "log");
      if (testUtterances < 1 || beamWidth < 1) {
        throw new IllegalArgumentException("testUtterances and beamWidth must be >= 1, got " + testUtterances + " and " + beamWidth);
      }
    }

    /** The quality-run defaults: 2-layer BiGRU of 96 per direction, 1,500 steps of 32 utterances of 1-7 digits. */
    public static Options defaults(Path data) {
      return new Options(data, CellType.GRU, 96, 2, 0.1, new TrainConfig(1500, 32, 2e-3, 100, 5.0), 1, 7, 1000, 8, 1,
          null, null, System.out::println);
    }

    public Options withTrain(TrainConfig t) {
      return new Options(data, cell, hidden, layers, dropout, t, minDigits, maxDigits, testUtterances, beamWidth, seed, modelOut, checkpoint, log);
    }

    public Options withModel(CellType c, int h, int l, double d) {
      return new Options(data, c, h, l, d, train, minDigits, maxDigits, testUtterances, beamWidth, seed, modelOut, checkpoint, log);
    }

    public Options withTest(int n, int beam) {
      return new Options(data, cell, hidden, layers, dropout, train, minDigits, maxDigits, n, beam, seed, modelOut, checkpoint, log);
    }

    public Options withSeed(long s) {
      return new Options(data, cell, hidden, layers, dropout, train, minDigits, maxDigits, testUtterances, beamWidth, s, modelOut, checkpoint, log);
    }

    public Options withFiles(Path model, Path ckpt) {
      return new Options(data, cell, hidden, layers, dropout, train, minDigits, maxDigits, testUtterances, beamWidth, seed, model, ckpt, log);
    }

    public Options withLog(Consumer<String> l) {
      return new Options(data, cell, hidden, layers, dropout, train, minDigits, maxDigits, testUtterances, beamWidth, seed, modelOut, checkpoint, l);
    }

    public String signature() {
      return String.format(Locale.ROOT, "digits|%s|hid:%d|layers:%d|drop:%s|%s|words:%d-%d|test:%d|beam:%d|seed:%d",
          cell.label(), hidden, layers, dropout, train.signature(), minDigits, maxDigits, testUtterances, beamWidth, seed);
    }
  }

  /**
   * @param greedy best-path decoding errors over all test digits
   * @param beam prefix-beam-search errors
   * @param greedySequenceAccuracy fraction of test utterances transcribed exactly (best path)
   * @param beamSequenceAccuracy the same with beam search
   * @param trainSeconds wall-clock training time of this run (excluding resumed steps)
   */
  public record Result(
      ErrorRate greedy, ErrorRate beam, double greedySequenceAccuracy, double beamSequenceAccuracy, int testUtterances,
      int trainRecordings, int testRecordings, double trainSeconds, DigitRecognizer recognizer) {}

  public static Result run(Options o) throws IOException {
    List<Fsdd.Recording> all = Fsdd.load(o.data());
    List<Fsdd.Recording> trainRec = all.stream().filter(r -> !r.officialTest()).toList();
    List<Fsdd.Recording> testRec = all.stream().filter(Fsdd.Recording::officialTest).toList();
    if (trainRec.isEmpty() || testRec.isEmpty()) {
      throw new IOException(o.data() + ": needs recordings of both splits, got " + trainRec.size() + " train and " + testRec.size() + " test");
    }
    o.log().accept("settings " + o.signature());
    o.log().accept(String.format(Locale.ROOT, "data     %s: %d training recordings (takes 5-49), %d test recordings (takes 0-4)",
        o.data(), trainRec.size(), testRec.size()));
    FeatureConfig fc = FeatureConfig.speech8k();
    DigitUtterances trainPool = new DigitUtterances(DigitUtterances.read(trainRec), 8000, o.minDigits(), o.maxDigits());
    DigitUtterances testPool = new DigitUtterances(DigitUtterances.read(testRec), 8000, o.minDigits(), o.maxDigits());
    DigitRecognizer rec = DigitRecognizer.create(fc, o.cell(), o.hidden(), o.layers(), o.dropout(), Seeds.derive(o.seed(), "init"));
    o.log().accept("model    " + rec.model().signature() + ", " + rec.model().parameters().count() + " parameters");
    SpeechTrainer trainer = new SpeechTrainer(o.train(), 50, p -> o.log().accept("progress " + p.format()));
    if (o.checkpoint() != null) {
      trainer = trainer.withCheckpoint(o.checkpoint(), 200);
    }
    long t0 = System.nanoTime();
    long start = trainer.train(rec.model(), step -> batch(trainPool, fc, o.train().batchSize(), Seeds.derive(o.seed(), step)),
        DigitRecognizer.objective(), o.seed());
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    o.log().accept(String.format(Locale.ROOT, "trained  steps %d-%d in %.1f s", start, o.train().steps(), trainSeconds));
    Result r = evaluate(rec, testPool, o, trainRec.size(), testRec.size(), trainSeconds);
    rec.model().putProvenance("run.data", "fsdd");
    rec.model().putProvenance("run.settings", o.signature());
    rec.model().putProvenance("run.test.cer", Double.toString(r.greedy().rate()));
    if (o.modelOut() != null) {
      rec.model().save(o.modelOut());
      o.log().accept("saved    " + o.modelOut());
    }
    return r;
  }

  /**
   * A training batch of fresh utterances drawn with {@code seed}, all with the same (random) number
   * of digits so that they have similar lengths and little padding.
   */
  static SpeechTrainer.Batch batch(DigitUtterances pool, FeatureConfig fc, int size, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int words = pool.words(rng);
    List<float[][]> feats = new ArrayList<>(size);
    int[] lengths = new int[size];
    int[][] labels = new int[size][];
    for (int i = 0; i < size; i++) {
      DigitUtterances.Utterance u = pool.sample(rng, words);
      float[][] f = fc.compute(u.audio());
      feats.add(f);
      lengths[i] = f.length;
      labels[i] = u.labels();
    }
    return new SpeechTrainer.Batch(AcousticModel.pad(feats, fc.width()), lengths, labels);
  }

  static Result evaluate(DigitRecognizer rec, DigitUtterances testPool, Options o, int nTrain, int nTest, double secs) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(o.seed(), "test"));
    ErrorRate greedy = new ErrorRate(0, 0, 0, 0);
    ErrorRate beam = new ErrorRate(0, 0, 0, 0);
    int exactGreedy = 0;
    int exactBeam = 0;
    CtcPrefixBeamSearch search = new CtcPrefixBeamSearch(CtcBeamConfig.of(o.beamWidth()));
    CtcGreedyDecoder best = new CtcGreedyDecoder(0);
    int done = 0;
    while (done < o.testUtterances()) {
      int n = Math.min(32, o.testUtterances() - done);
      List<float[][]> feats = new ArrayList<>();
      List<String> refs = new ArrayList<>();
      int[] lengths = new int[n];
      for (int i = 0; i < n; i++) {
        DigitUtterances.Utterance u = testPool.sample(rng);
        float[][] f = rec.model().features().compute(u.audio());
        feats.add(f);
        lengths[i] = f.length;
        refs.add(Arrays.stream(u.labels()).mapToObj(Integer::toString).reduce("", String::concat));
      }
      double[][][] lp = rec.logProbs(AcousticModel.pad(feats, rec.model().features().width()), lengths);
      for (int i = 0; i < n; i++) {
        String g = rec.text(best.decode(lp[i]));
        String b = rec.text(search.best(lp[i]));
        greedy = greedy.plus(ErrorRate.of(refs.get(i), g));
        beam = beam.plus(ErrorRate.of(refs.get(i), b));
        exactGreedy += g.equals(refs.get(i)) ? 1 : 0;
        exactBeam += b.equals(refs.get(i)) ? 1 : 0;
      }
      done += n;
    }
    int total = o.testUtterances();
    Result r = new Result(greedy, beam, exactGreedy / (double) total, exactBeam / (double) total, total, nTrain, nTest, secs, rec);
    o.log().accept(String.format(Locale.ROOT,
        "test     %d utterances (%d digits): best path CER %.2f %% (S %d, D %d, I %d), sequence accuracy %.2f %%; beam %d CER %.2f %%, sequence accuracy %.2f %%",
        total, greedy.referenceLength(), 100 * greedy.rate(), greedy.substitutions(), greedy.deletions(), greedy.insertions(),
        100 * r.greedySequenceAccuracy(), o.beamWidth(), 100 * beam.rate(), 100 * r.beamSequenceAccuracy()));
    return r;
  }

  /** {@code SpokenDigits [fsddDir] [steps] [seed] [modelOut] [checkpoint]}: the quality run (defaults: $SEQLAB_DATA/fsdd or ../shared/data/fsdd, 1500, 1). */
  public static void main(String[] args) throws IOException {
    String env = System.getenv("SEQLAB_DATA");
    Path data = args.length > 0 ? Path.of(args[0])
        : (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data")).resolve("fsdd");
    Options o = Options.defaults(data);
    if (args.length > 1) {
      o = o.withTrain(o.train().withSteps(Integer.parseInt(args[1])));
    }
    if (args.length > 2) {
      o = o.withSeed(Long.parseLong(args[2]));
    }
    if (args.length > 3) {
      o = o.withFiles(Path.of(args[3]), args.length > 4 ? Path.of(args[4]) : null);
    }
    run(o);
  }
}
