package org.seqlab.examples.ner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.corpora.ConllReader;
import org.seqlab.corpora.ConllSentence;
import org.seqlab.corpora.CorpusIterator;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.examples.Datasets;
import org.seqlab.examples.Vectors;
import org.seqlab.metrics.SpanF1;
import org.seqlab.sequence.NerEnsemble;
import org.seqlab.sequence.NerTagger;
import org.seqlab.sequence.NerTaggerConfig;
import org.seqlab.sequence.NerTrainer;
import org.seqlab.sequence.TagScheme;
import org.seqlab.sequence.TrainingOptions;

/**
 * CoNLL-2003 English NER: trains on {@code eng.train}, selects the epoch with the best
 * development F1 ({@code eng.testa}) and reports span F1 (conlleval rules, {@link SpanF1}) on the
 * test set ({@code eng.testb}). The files' IOB1 tags are converted to IOB2 for training; scoring
 * compares spans, which both encodings describe identically. Research data: read at run time only.
 */
public final class ConllNerExample {
  private ConllNerExample() {}

  /**
   * @param nerDir folder holding {@code eng.train}, {@code eng.testa}, {@code eng.testb}
   * @param vectors word2vec/GloVe vectors for the word table (lower-cased words), or null
   * @param freeze keep the pretrained word table fixed
   * @param unknownReplacement probability of replacing a training singleton by {@code <unk>} per
   *     occurrence ({@link NerTrainer#DEFAULT_UNKNOWN_REPLACEMENT}; 0: never)
   * @param minLearningRate cosine decay of the learning rate to this value over the run, or NaN to
   *     keep it constant
   * @param tagScheme the encoding the tagger is trained on (its predictions are IOB2 either way)
   * @param sparseUpdates Adam updates only the word-table rows a batch looked up ({@link
   *     NerTrainer#withSparseUpdates})
   * @param trainLimit use only the first N training sentences (0: all), for quick runs
   * @param out save the selected model here, or null
   * @param checkpoint per-epoch resumable state (and {@code .best}), or null
   */
  public record Options(
      Path nerDir, NerTaggerConfig config, Path vectors, boolean freeze, double unknownReplacement, double minLearningRate,
      TagScheme tagScheme, boolean sparseUpdates, int trainLimit, long seed, Path out, Path checkpoint, PrintWriter log) {
    public Options {
      Objects.requireNonNull(nerDir, "nerDir");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(tagScheme, "tagScheme");
      Objects.requireNonNull(log, "log");
    }
  }

  /**
   * @param devF1 span F1 on the development set of the selected model, in [0, 1]
   * @param test test-set scores of the selected model
   */
  public record Result(NerTagger model, double devF1, SpanF1.Result test, double trainSeconds) {
    public double testF1() {
      return test.overall().f1();
    }
  }

  private static NerTrainer trainer(Options o) {
    NerTrainer t = new NerTrainer(o.config()).withUnknownReplacement(o.unknownReplacement()).withTagScheme(o.tagScheme())
        .withSparseUpdates(o.sparseUpdates());
    return Double.isNaN(o.minLearningRate()) ? t : t.withMinLearningRate(o.minLearningRate());
  }

  /** The sentences of a CoNLL-2003 file with IOB2 tags. */
  public static List<NerTagger.Sentence> read(Path file) {
    List<NerTagger.Sentence> out = new ArrayList<>();
    try (CorpusIterator<ConllSentence> it = ConllReader.open(file).iterator()) {
      while (it.hasNext()) {
        ConllSentence s = it.next();
        out.add(new NerTagger.Sentence(s.words(), toIob2(s.ner())));
      }
    }
    return out;
  }

  /** IOB1 to IOB2: an {@code I-X} that starts a chunk (after O, another type or at the start) becomes {@code B-X}. */
  public static List<String> toIob2(List<String> tags) {
    List<String> out = new ArrayList<>(tags.size());
    String prevType = null;
    for (String t : tags) {
      if (t.equals("O")) {
        out.add(t);
        prevType = null;
        continue;
      }
      int dash = t.indexOf('-');
      if (dash != 1 || (t.charAt(0) != 'B' && t.charAt(0) != 'I')) {
        throw new IllegalArgumentException("tag '" + t + "' is not O, B-TYPE or I-TYPE");
      }
      String type = t.substring(2);
      out.add(t.charAt(0) == 'I' && type.equals(prevType) ? t : "B-" + type);
      prevType = type;
    }
    return out;
  }

  static double f1(NerTagger m, List<NerTagger.Sentence> data) {
    return score(m::predict, data).overall().f1();
  }

  static SpanF1.Result score(Function<List<NerTagger.Sentence>, List<List<String>>> predict, List<NerTagger.Sentence> data) {
    List<List<String>> gold = data.stream().map(NerTagger.Sentence::tags).toList();
    return SpanF1.evaluate(gold, predict.apply(data));
  }

  private static void report(PrintWriter log, String label, SpanF1.Result r) {
    log.printf(Locale.ROOT, "%-11s %.2f  (P %.2f  R %.2f; %d gold, %d predicted, %d correct spans)%n", label,
        100 * r.overall().f1(), 100 * r.overall().precision(), 100 * r.overall().recall(),
        r.overall().gold(), r.overall().predicted(), r.overall().correct());
    r.byType().forEach((type, prf) -> log.printf(Locale.ROOT, "  %-6s F1 %.2f  P %.2f  R %.2f%n", type, 100 * prf.f1(), 100 * prf.precision(), 100 * prf.recall()));
  }

  /** Development and test scores of an ensemble (or of one model, as a one-member ensemble). */
  public record Evaluation(SpanF1.Result dev, SpanF1.Result test) {}

  /**
   * Scores saved taggers, decoded together ({@link NerEnsemble}), on {@code eng.testa} and
   * {@code eng.testb} of {@code nerDir}, and prints both with per-type scores.
   */
  public static Evaluation evaluate(NerEnsemble models, Path nerDir, PrintWriter log) throws IOException {
    List<NerTagger.Sentence> dev = read(Datasets.require(nerDir, "eng.testa", "CoNLL-2003 NER"));
    List<NerTagger.Sentence> test = read(Datasets.require(nerDir, "eng.testb", "CoNLL-2003 NER"));
    long t0 = System.nanoTime();
    SpanF1.Result d = score(models::predict, dev);
    SpanF1.Result t = score(models::predict, test);
    log.printf(Locale.ROOT, "models      %d (%s)%n", models.members().size(),
        models.members().size() == 1 ? "one tagger" : "decoded together: Viterbi under the sum of their CRF scores");
    report(log, "dev F1", d);
    report(log, "test F1", t);
    log.printf(Locale.ROOT, "tagged in   %s (%,d sentences)%n", Datasets.duration((System.nanoTime() - t0) / 1e9), dev.size() + test.size());
    log.flush();
    return new Evaluation(d, t);
  }

  public static Result run(Options o) throws IOException {
    PrintWriter log = o.log();
    List<NerTagger.Sentence> train = read(Datasets.require(o.nerDir(), "eng.train", "CoNLL-2003 NER"));
    List<NerTagger.Sentence> dev = read(Datasets.require(o.nerDir(), "eng.testa", "CoNLL-2003 NER"));
    List<NerTagger.Sentence> test = read(Datasets.require(o.nerDir(), "eng.testb", "CoNLL-2003 NER"));
    if (o.trainLimit() > 0 && o.trainLimit() < train.size()) {
      train = train.subList(0, o.trainLimit());
    }
    NerTrainer.Pretrained pre = null;
    if (o.vectors() != null) {
      WordVectors v = Vectors.read(o.vectors());
      Map<String, Integer> firstRow = new LinkedHashMap<>();
      for (int i = 0; i < v.size(); i++) {
        firstRow.putIfAbsent(v.word(i).toLowerCase(Locale.ROOT), i);
      }
      float[][] rows = new float[firstRow.size()][];
      int k = 0;
      for (int i : firstRow.values()) {
        rows[k++] = v.vector(i);
      }
      pre = new NerTrainer.Pretrained(new ArrayList<>(firstRow.keySet()), Nd4j.createFromArray(rows).castTo(DataType.FLOAT), o.freeze());
      log.printf(Locale.ROOT, "vectors     %s: %,d words x %d (%s)%n", o.vectors(), rows.length, v.dim(), o.freeze() ? "frozen" : "fine-tuned");
    }
    log.printf(Locale.ROOT, "data        %s: %,d train / %,d dev / %,d test sentences%n", o.nerDir(), train.size(), dev.size(), test.size());
    log.printf(Locale.ROOT, "config      %s%n", o.config().signature());
    log.printf(Locale.ROOT, "unk-replace %s (training singletons -> <unk> per occurrence)%n", o.unknownReplacement());
    log.printf(Locale.ROOT, "lr schedule %s%n", Double.isNaN(o.minLearningRate()) ? "constant"
        : "cosine " + o.config().learningRate() + " -> " + o.minLearningRate() + " over the epochs");
    log.printf(Locale.ROOT, "tag scheme  %s%s%n", o.tagScheme(), o.tagScheme() == TagScheme.IOB2 ? "" : " (trained; scored as IOB2 spans)");
    log.printf(Locale.ROOT, "optimizer   Adam, %s%n", o.sparseUpdates()
        ? "word table updated lazily (only the rows each batch looked up)" : "every parameter updated at every step");
    log.printf(Locale.ROOT, "seed        %d%n", o.seed());
    List<NerTagger.Sentence> devData = dev;
    TrainingOptions t = new TrainingOptions(p -> {
      log.println("progress    " + p.format());
      log.flush();
    }, 60, o.checkpoint());
    long t0 = System.nanoTime();
    NerTagger m = trainer(o).train(train, pre, tagger -> f1(tagger, devData), o.seed(), t);
    double secs = (System.nanoTime() - t0) / 1e9;
    double devF1 = f1(m, dev);
    SpanF1.Result r = score(m::predict, test);
    log.printf(Locale.ROOT, "dev F1      %.2f (selected epoch)%n", 100 * devF1);
    report(log, "test F1", r);
    log.printf(Locale.ROOT, "trained in  %s%n", Datasets.duration(secs));
    if (o.out() != null) {
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("run.seed", Long.toString(o.seed()));
      meta.put("run.devF1", Double.toString(devF1));
      meta.put("run.testF1", Double.toString(r.overall().f1()));
      meta.put("text.tags", "IOB2");
      meta.put("run.tagScheme", o.tagScheme().name());
      m.save(o.out(), meta);
      log.println("saved       " + o.out());
    }
    log.flush();
    return new Result(m, devF1, r, secs);
  }

  /** {@code main [VECTORS]}: the README's settings on {@code $SEQLAB_DATA/ner}. */
  public static void main(String[] args) throws IOException {
    Path vec = args.length > 0 ? Path.of(args[0]) : null;
    run(new Options(Datasets.defaultDir().resolve("ner"), NerTaggerConfig.defaults(), vec, false,
        NerTrainer.DEFAULT_UNKNOWN_REPLACEMENT, Double.NaN, TagScheme.IOB2, false, 0, 1, null, null,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8)));
  }
}
