package org.seqlab.examples.dates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.seqlab.attention.AttentionHeatmap;
import org.seqlab.attention.Segmentation;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqData;
import org.seqlab.attention.Seq2SeqModel;
import org.seqlab.attention.Seq2SeqTrainer;
import org.seqlab.attention.Seq2SeqTrainerConfig;
import org.seqlab.corpora.SentencePair;
import org.seqlab.decoding.BeamSearch;
import org.seqlab.decoding.BeamSearchConfig;
import org.seqlab.decoding.Decoder;
import org.seqlab.decoding.GreedySearch;
import org.seqlab.decoding.Hypothesis;
import org.seqlab.sequence.CellType;

/**
 * Date normalisation with Bahdanau attention: character-level translation of human-readable dates
 * ({@link DateGenerator}) into ISO {@code YYYY-MM-DD}. Trains, measures exact match on held-out dates
 * (whose calendar dates never occur in training) with greedy and beam decoding, saves the model and a
 * PNG heatmap of the attention weights of one held-out example.
 */
public final class DateNormalization {
  /**
   * @param trainSize generated training pairs
   * @param testSize held-out pairs
   * @param model the architecture
   * @param training the optimisation settings
   * @param beam beam width for the beam-search score
   * @param seed data, initialisation and batching seed
   * @param outputDir receives {@code model/}, {@code checkpoint.params} and {@code attention.png}
   * @param timeLimit stop training after this long (null: no limit)
   */
  public record Options(int trainSize, int testSize, Seq2SeqConfig model, Seq2SeqTrainerConfig training, int beam,
      long seed, Path outputDir, Duration timeLimit) {
    public Options {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(training, "training");
      Objects.requireNonNull(outputDir, "outputDir");
      if (trainSize < 1 || testSize < 1 || beam < 1) {
        throw new IllegalArgumentException("trainSize, testSize and beam must be >= 1, got " + trainSize + ", "
            + testSize + ", " + beam);
      }
    }

    /** The settings of the reported run: 40,000 training dates, 2,000 held out, GRU 64x2 / 128, 6 epochs. */
    public static Options defaults(Path outputDir) {
      return new Options(40_000, 2_000, Seq2SeqConfig.builder().cell(CellType.GRU).embedDim(32).encoderHidden(64)
          .decoderHidden(128).attentionDim(64).outputDim(64).dropout(0.0).build(),
          Seq2SeqTrainerConfig.defaults().withBatchSize(64).withEpochs(6).withLearningRate(3e-3, 1e-4).withWarmupSteps(100)
              .withClipNorm(1.0).withMaxLength(64), 5, 7, outputDir, null);
    }

    public String signature() {
      return String.format(Locale.ROOT, "dates|train:%d|test:%d|beam:%d|seed:%d|%s|%s", trainSize, testSize, beam, seed,
          model.signature(), training.signature());
    }
  }

  /**
   * @param greedyExactMatch fraction of held-out dates decoded exactly by greedy search
   * @param beamExactMatch the same with beam search
   * @param testSize held-out dates
   * @param trainSeconds training time of this run
   * @param modelDir the saved model
   * @param heatmap the attention PNG
   * @param examples a few held-out inputs with their beam outputs
   */
  public record Result(double greedyExactMatch, double beamExactMatch, int testSize, double trainSeconds, Path modelDir,
      Path heatmap, List<String> examples) {}

  private DateNormalization() {}

  public static Result run(Options o) throws IOException {
    List<List<SentencePair>> split = DateGenerator.trainAndTest(o.trainSize(), o.testSize(), o.seed());
    Seq2SeqData train = Seq2SeqData.build(split.get(0), Segmentation.CHARACTERS, Segmentation.CHARACTERS, 1);
    Seq2SeqData test = train.encodeLike(split.get(1));
    Files.createDirectories(o.outputDir());
    Seq2SeqTrainer trainer = new Seq2SeqTrainer(o.model(), o.training())
        .withCheckpoint(o.outputDir().resolve("checkpoint.params"), 500).withProgress(100, p -> {});
    if (o.timeLimit() != null) {
      trainer = trainer.withTimeLimit(o.timeLimit());
    }
    long t0 = System.nanoTime();
    Seq2SeqModel model = trainer.train(train, test.encodeLike(split.get(1).subList(0, Math.min(500, o.testSize()))), o.seed());
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path modelDir = o.outputDir().resolve("model");
    model.save(modelDir);
    double greedy = exactMatch(model, test, split.get(1), new GreedySearch(16), null);
    List<String> examples = new ArrayList<>();
    double beam = exactMatch(model, test, split.get(1), new BeamSearch(BeamSearchConfig.of(o.beam()).withMaxLength(16)),
        examples);
    int[] src = test.sources().get(0);
    int[] out = beamOutput(model, src, o.beam());
    List<String> srcLabels = new ArrayList<>(model.sourceVocabulary().decode(src));
    srcLabels.set(srcLabels.size() - 1, "</s>");
    List<String> outLabels = new ArrayList<>(model.targetVocabulary().decode(out));
    outLabels.add("</s>");
    Path png = o.outputDir().resolve("attention.png");
    AttentionHeatmap.write(png, model.attentionWeights(src, out), outLabels, srcLabels);
    return new Result(greedy, beam, test.size(), seconds, modelDir, png, examples);
  }

  private static int[] beamOutput(Seq2SeqModel model, int[] src, int beam) {
    Decoder d = new BeamSearch(BeamSearchConfig.of(beam).withMaxLength(16));
    return d.decode(model.forDecoding(), model.encode(List.of(src))).get(0).get(0).tokens();
  }

  /** Exact-match rate of a decoder over the held-out set, in batches of 100. */
  static double exactMatch(Seq2SeqModel model, Seq2SeqData test, List<SentencePair> raw, Decoder decoder, List<String> examples) {
    int correct = 0;
    for (int from = 0; from < test.size(); from += 100) {
      int to = Math.min(test.size(), from + 100);
      List<List<Hypothesis>> out = decoder.decode(model.forDecoding(), model.encode(test.sources().subList(from, to)));
      for (int i = from; i < to; i++) {
        String got = model.decodeTarget(out.get(i - from).get(0).tokens());
        if (got.equals(raw.get(i).target())) {
          correct++;
        }
        if (examples != null && examples.size() < 8) {
          examples.add(raw.get(i).source() + " -> " + got);
        }
      }
    }
    return (double) correct / test.size();
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/dates");
    Options o = Options.defaults(out);
    System.out.println("settings: " + o.signature());
    Result r = run(o);
    System.out.printf(Locale.ROOT, "exact match on %d held-out dates: greedy %.2f%%, beam %d %.2f%%%n", r.testSize(),
        100 * r.greedyExactMatch(), o.beam(), 100 * r.beamExactMatch());
    System.out.printf(Locale.ROOT, "training time %.0f s; model %s; heatmap %s%n", r.trainSeconds(), r.modelDir(), r.heatmap());
    r.examples().forEach(e -> System.out.println("  " + e));
  }
}
