package org.seqlab.examples.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.seqlab.attention.Segmentation;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqData;
import org.seqlab.attention.Seq2SeqModel;
import org.seqlab.attention.Seq2SeqTrainer;
import org.seqlab.attention.Seq2SeqTrainerConfig;
import org.seqlab.attention.Translator;
import org.seqlab.core.io.AtomicFiles;
import org.seqlab.corpora.SentencePair;
import org.seqlab.decoding.BeamErrorAnalysis;
import org.seqlab.decoding.LengthPenalty;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;
import org.seqlab.metrics.BleuScore;

/**
 * The shared part of the translation examples: build vocabularies, train (resumable), translate the
 * test set with greedy and beam search, score detokenised outputs against the raw references with
 * sacreBLEU-exact corpus BLEU (13a, mixed case), and attribute the beam's errors to search or model.
 */
public final class TranslationExperiment {
  /**
   * @param model the architecture
   * @param training the optimisation settings
   * @param minCount tokens seen fewer times in training become {@code <unk>}
   * @param beam beam width for the beam score
   * @param alpha length normalisation of the beam score
   * @param seed initialisation, batching and dropout seed
   * @param outputDir receives {@code model/}, {@code checkpoint.params}, {@code test.greedy.txt}, {@code test.beam.txt}
   * @param timeLimit stop training after this long (resume later from the checkpoint), or null
   * @param trainOnly skip evaluation (for a run that will be continued)
   * @param initFrom a saved model directory to start from instead of a fresh initialisation (same
   *     architecture and data), or null
   */
  public record Options(Seq2SeqConfig model, Seq2SeqTrainerConfig training, int minCount, int beam, double alpha,
      long seed, Path outputDir, Duration timeLimit, boolean trainOnly, Path initFrom) {
    public Options {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(training, "training");
      Objects.requireNonNull(outputDir, "outputDir");
      if (minCount < 1 || beam < 1 || !(alpha >= 0)) {
        throw new IllegalArgumentException("need minCount >= 1, beam >= 1, alpha >= 0, got " + minCount + ", " + beam
            + ", " + alpha);
      }
    }

    public Options withTimeLimit(Duration d) {
      return new Options(model, training, minCount, beam, alpha, seed, outputDir, d, trainOnly, initFrom);
    }

    public Options withTrainOnly(boolean v) {
      return new Options(model, training, minCount, beam, alpha, seed, outputDir, timeLimit, v, initFrom);
    }

    public Options withTraining(Seq2SeqTrainerConfig t) {
      return new Options(model, t, minCount, beam, alpha, seed, outputDir, timeLimit, trainOnly, initFrom);
    }

    public Options withSeed(long s) {
      return new Options(model, training, minCount, beam, alpha, s, outputDir, timeLimit, trainOnly, initFrom);
    }

    /** Starts from the parameters of the model saved in {@code dir}. */
    public Options withInitFrom(Path dir) {
      return new Options(model, training, minCount, beam, alpha, seed, outputDir, timeLimit, trainOnly, dir);
    }

    public String signature() {
      return String.format(Locale.ROOT, "min:%d|beam:%d|alpha:%s|seed:%d|%s|%s", minCount, beam, alpha, seed,
          model.signature(), training.signature()) + (initFrom == null ? "" : "|init:" + initFrom);
    }
  }

  /**
   * @param greedy BLEU of greedy decoding on the test set
   * @param beam BLEU of beam search on the test set
   * @param errors beam error analysis on the test set (null when not evaluated)
   * @param trainSeconds total training time, over all resumed runs
   * @param steps optimizer steps done
   * @param totalSteps steps of the full schedule
   * @param validationNats validation loss per token
   * @param modelDir the saved model
   * @param samples a few test translations (source, beam output, reference)
   */
  public record Result(BleuScore greedy, BleuScore beam, BeamErrorAnalysis.Report errors, double trainSeconds, long steps,
      long totalSteps, double validationNats, Path modelDir, List<String> samples) {}

  private TranslationExperiment() {}

  public static Result run(Options o, List<SentencePair> train, List<SentencePair> validation, List<SentencePair> test)
      throws IOException {
    Seq2SeqData data = Seq2SeqData.build(train, Segmentation.WORDS, Segmentation.WORDS, o.minCount());
    Seq2SeqData val = data.encodeLike(validation);
    Files.createDirectories(o.outputDir());
    Seq2SeqTrainer trainer = new Seq2SeqTrainer(o.model(), o.training())
        .withCheckpoint(o.outputDir().resolve("checkpoint.params"), 200);
    if (o.timeLimit() != null) {
      trainer = trainer.withTimeLimit(o.timeLimit());
    }
    if (o.initFrom() != null) {
      trainer = trainer.withInitialModel(Seq2SeqModel.load(o.initFrom()));
    }
    Seq2SeqModel model = trainer.train(data, val, o.seed());
    Path modelDir = o.outputDir().resolve("model");
    model.save(modelDir);
    long steps = Long.parseLong(model.provenance().get("run.steps"));
    long total = Long.parseLong(model.provenance().get("run.totalSteps"));
    double seconds = Double.parseDouble(model.provenance().get("run.seconds"));
    double valNats = Double.parseDouble(model.provenance().getOrDefault("run.validation.nats", "NaN"));
    if (o.trainOnly()) {
      return new Result(null, null, null, seconds, steps, total, valNats, modelDir, List.of());
    }
    Translator translator = new Translator(model);
    List<String> sources = test.stream().map(SentencePair::source).toList();
    List<String> refs = test.stream().map(SentencePair::target).toList();
    List<Translator.Translation> greedy = translator.translate(sources, Translator.Options.greedy());
    List<Translator.Translation> beam = translator.translate(sources, Translator.Options.beam(o.beam(), o.alpha()));
    write(o.outputDir().resolve("test.greedy.txt"), greedy);
    write(o.outputDir().resolve("test.beam.txt"), beam);
    Bleu bleu = new Bleu(BleuConfig.corpusDefaults());
    BleuScore g = bleu.corpusScore(greedy.stream().map(Translator.Translation::text).toList(), List.of(refs));
    BleuScore b = bleu.corpusScore(beam.stream().map(Translator.Translation::text).toList(), List.of(refs));
    BeamErrorAnalysis.Report errors = errorAnalysis(model, sources, refs, beam, o.alpha());
    List<String> samples = new ArrayList<>();
    for (int i = 0; i < Math.min(5, test.size()); i++) {
      samples.add(sources.get(i) + "\n    beam: " + beam.get(i).text() + "\n    ref:  " + refs.get(i));
    }
    return new Result(g, b, errors, seconds, steps, total, valNats, modelDir, samples);
  }

  /** Search vs model errors of the beam outputs, under the beam's own objective. */
  static BeamErrorAnalysis.Report errorAnalysis(Seq2SeqModel model, List<String> sources, List<String> refs,
      List<Translator.Translation> outputs, double alpha) {
    List<BeamErrorAnalysis.Case> cases = new ArrayList<>();
    for (int from = 0; from < sources.size(); from += 64) {
      int to = Math.min(sources.size(), from + 64);
      List<int[]> src = new ArrayList<>();
      List<int[]> ref = new ArrayList<>();
      List<int[]> out = new ArrayList<>();
      for (int i = from; i < to; i++) {
        src.add(model.encodeSource(sources.get(i)));
        ref.add(model.encodeTarget(refs.get(i)));
        out.add(model.targetVocabulary().encode(outputs.get(i).tokens()));
      }
      cases.addAll(BeamErrorAnalysis.analyze(model.forDecoding(), model.encode(src), ref, out, new LengthPenalty(alpha))
          .cases());
    }
    return new BeamErrorAnalysis.Report(cases, new LengthPenalty(alpha));
  }

  private static void write(Path file, List<Translator.Translation> ts) throws IOException {
    StringBuilder sb = new StringBuilder();
    ts.forEach(t -> sb.append(t.text()).append('\n'));
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  /** Prints a result (examples may print). */
  static void print(String name, Options o, Result r) {
    System.out.printf(Locale.ROOT, "%s: %d/%d steps, training time %.0f s, validation %.4f nats/token%n", name, r.steps(),
        r.totalSteps(), r.trainSeconds(), r.validationNats());
    if (r.greedy() != null) {
      System.out.println("greedy  " + r.greedy().format(2));
      System.out.println("beam " + o.beam() + " alpha " + o.alpha() + "  " + r.beam().format(2));
      System.out.println("beam errors: " + r.errors().format());
      r.samples().forEach(s -> System.out.println("  " + s));
    }
    System.out.println("model: " + r.modelDir());
  }
}
