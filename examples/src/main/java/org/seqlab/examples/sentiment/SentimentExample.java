package org.seqlab.examples.sentiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.seqlab.corpora.datasets.DataSplit;
import org.seqlab.corpora.datasets.LabeledText;
import org.seqlab.corpora.datasets.SentimentData;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.examples.Datasets;
import org.seqlab.examples.TextTokens;
import org.seqlab.examples.Vectors;
import org.seqlab.metrics.Accuracy;
import org.seqlab.sequence.ClassifierConfig;
import org.seqlab.sequence.ClassifierEnsemble;
import org.seqlab.sequence.PretrainedEmbeddings;
import org.seqlab.sequence.SequenceClassifier;
import org.seqlab.sequence.TokenTable;
import org.seqlab.sequence.TrainingOptions;

/**
 * Sentence classification: emojify (5 emoji classes; trained on {@code train_emoji.csv}, tested on
 * {@code tesss.csv}) or rt-polarity (positive / negative movie-review snippets, k-fold
 * cross-validation with seeded folds, {@link DataSplit#kFold}). Text goes through {@link
 * TextTokens}; the vocabulary is the training split's words (plus, optionally, every word of the
 * pretrained vectors), so test words never shape the model unless pretrained vectors know them.
 */
public final class SentimentExample {
  private SentimentExample() {}

  /** The datasets. */
  public enum Dataset { EMOJIFY, RT_POLARITY }

  /**
   * @param config the classifier; its vocabulary size is replaced by the data's, and its embedding
   *     width by the vectors' when vectors are given
   * @param vectors a word2vec/GloVe file, or null for random embeddings
   * @param freeze keep the pretrained table fixed (otherwise fine-tune it)
   * @param vocabFromVectors add every word of the vectors to the vocabulary
   * @param folds cross-validation folds (rt-polarity)
   * @param out save the (emojify, or last-fold rt-polarity) model here, or null
   * @param checkpoint prefix of per-fold checkpoint files, or null
   * @param members classifiers trained per split from seeds {@code seed, seed + 1, ...} and decoded
   *     together ({@link ClassifierEnsemble}); 1 for a single model
   */
  public record Options(
      Dataset dataset, Path dataDir, ClassifierConfig config, Path vectors, boolean freeze, boolean vocabFromVectors,
      int folds, long seed, Path out, Path checkpoint, PrintWriter log, int members) {
    public Options {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(log, "log");
      if (dataset == Dataset.RT_POLARITY && folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2 for cross-validation, got " + folds);
      }
      if (members < 1) {
        throw new IllegalArgumentException("members must be >= 1, got " + members);
      }
    }

    /** A single model per split. */
    public Options(
        Dataset dataset, Path dataDir, ClassifierConfig config, Path vectors, boolean freeze, boolean vocabFromVectors,
        int folds, long seed, Path out, Path checkpoint, PrintWriter log) {
      this(dataset, dataDir, config, vectors, freeze, vocabFromVectors, folds, seed, out, checkpoint, log, 1);
    }
  }

  /**
   * @param accuracy test accuracy (emojify) or the mean over folds (rt-polarity), in [0, 1]; of the
   *     ensemble when there are several members
   * @param foldAccuracies per-fold accuracies (one entry for emojify)
   * @param memberAccuracies per member, its accuracy on each fold (one member for a single model)
   * @param correct correctly classified test sentences over all folds
   * @param total test sentences over all folds
   */
  public record Result(
      double accuracy, List<Double> foldAccuracies, List<List<Double>> memberAccuracies, long correct, long total,
      double trainSeconds, List<SequenceClassifier> models, TokenTable words) {
    /** The (last split's) first member. */
    public SequenceClassifier model() {
      return models.get(0);
    }

    /** Sample standard deviation of the fold accuracies (0 for a single split). */
    public double foldStdDev() {
      int n = foldAccuracies.size();
      if (n < 2) {
        return 0;
      }
      double mean = foldAccuracies.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      return Math.sqrt(foldAccuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum() / (n - 1));
    }
  }

  public static Result run(Options o) throws IOException {
    PrintWriter log = o.log();
    WordVectors vectors = o.vectors() == null ? null : Vectors.read(o.vectors());
    ClassifierConfig cfg = vectors == null ? o.config() : withEmbed(o.config(), vectors.dim());
    log.printf(Locale.ROOT, "dataset     %s%n", o.dataset());
    log.printf(Locale.ROOT, "config      %s (v: set per split from its vocabulary)%n", cfg.signature());
    log.printf(Locale.ROOT, "vectors     %s%n", vectors == null ? "none (random embeddings)"
        : o.vectors() + " (" + vectors.size() + " x " + vectors.dim() + ", " + (o.freeze() ? "frozen" : "fine-tuned")
            + (o.vocabFromVectors() ? ", all words in the vocabulary" : "") + ")");
    log.printf(Locale.ROOT, "seed        %d%s%n", o.seed(), o.members() == 1 ? ""
        : String.format(Locale.ROOT, " (ensemble of %d members, seeds %d-%d, probabilities averaged)", o.members(), o.seed(),
            o.seed() + o.members() - 1));
    List<DataSplit<LabeledText>> splits;
    List<String> labelNames;
    if (o.dataset() == Dataset.EMOJIFY) {
      Path dir = Datasets.require(o.dataDir(), "sentiment/emojify", "emojify");
      List<LabeledText> train = SentimentData.emojify(Datasets.require(dir, "train_emoji.csv", "emojify"));
      List<LabeledText> test = SentimentData.emojify(Datasets.require(dir, "tesss.csv", "emojify"));
      splits = List.of(new DataSplit<>(train, List.of(), test));
      labelNames = SentimentData.EMOJI_NAMES;
    } else {
      List<LabeledText> all = SentimentData.rtPolarity(Datasets.require(o.dataDir(), "sentiment/rt-polarity", "rt-polarity"));
      splits = DataSplit.kFold(all, o.folds(), o.seed());
      labelNames = List.of("negative", "positive");
      log.printf(Locale.ROOT, "protocol    %d-fold cross-validation over %,d sentences, folds shuffled with seed %d%n",
          o.folds(), all.size(), o.seed());
    }
    List<Double> accs = new ArrayList<>();
    List<List<Double>> memberAccs = new ArrayList<>();
    for (int k = 0; k < o.members(); k++) {
      memberAccs.add(new ArrayList<>());
    }
    Accuracy total = new Accuracy(0, 0);
    double secs = 0;
    List<SequenceClassifier> last = null;
    TokenTable lastWords = null;
    for (int f = 0; f < splits.size(); f++) {
      DataSplit<LabeledText> s = splits.get(f);
      TokenTable words = vocabulary(s.train(), o.vocabFromVectors() ? vectors : null);
      List<SequenceClassifier.Example> train = encode(s.train(), words);
      List<SequenceClassifier.Example> test = encode(s.test(), words);
      PretrainedEmbeddings pre = vectors == null ? null : Vectors.rows(vectors, words, o.freeze());
      String tag = splits.size() == 1 ? "" : String.format(Locale.ROOT, "fold %d/%d  ", f + 1, splits.size());
      log.printf(Locale.ROOT, "%strain %,d / test %,d sentences, %,d words (%,d with pretrained vectors)%n",
          tag, train.size(), test.size(), words.size(), pre == null ? 0 : pre.rows().length);
      int[] gold = test.stream().mapToInt(SequenceClassifier.Example::label).toArray();
      List<int[]> testIds = test.stream().map(SequenceClassifier.Example::tokens).toList();
      List<SequenceClassifier> models = new ArrayList<>();
      List<double[][]> probs = new ArrayList<>();
      for (int k = 0; k < o.members(); k++) {
        String mtag = tag + (o.members() == 1 ? "" : String.format(Locale.ROOT, "member %d/%d  ", k + 1, o.members()));
        TrainingOptions t = new TrainingOptions(p -> {
          log.println("progress    " + mtag + p.format());
          log.flush();
        }, 30, o.checkpoint() == null ? null : Path.of(o.checkpoint() + (splits.size() == 1 ? "" : ".fold" + (f + 1))
            + (o.members() == 1 ? "" : ".m" + (k + 1))));
        long t0 = System.nanoTime();
        SequenceClassifier m = SequenceClassifier.train(cfg.withVocabSize(words.size()), train, pre, o.seed() + k, t);
        secs += (System.nanoTime() - t0) / 1e9;
        double[][] p = m.probabilities(testIds);
        Accuracy a = Accuracy.of(gold, ClassifierEnsemble.argmax(p));
        memberAccs.get(k).add(a.value());
        log.printf(Locale.ROOT, "%saccuracy %.2f %% (%d / %d)%n", mtag, 100 * a.value(), a.correct(), a.total());
        models.add(m);
        probs.add(p);
      }
      Accuracy a = Accuracy.of(gold, ClassifierEnsemble.argmax(ClassifierEnsemble.average(probs)));
      if (o.members() > 1) {
        log.printf(Locale.ROOT, "%sensemble accuracy %.2f %% (%d / %d)%n", tag, 100 * a.value(), a.correct(), a.total());
      }
      accs.add(a.value());
      total = total.plus(a);
      last = models;
      lastWords = words;
    }
    double mean = accs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    Result r = new Result(mean, List.copyOf(accs), memberAccs.stream().map(List::copyOf).toList(), total.correct(),
        total.total(), secs, List.copyOf(last), lastWords);
    if (o.members() > 1) {
      double memberMean = memberAccs.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElse(0);
      log.printf(Locale.ROOT, "members     %.2f %% mean accuracy of the %d single models%s%n", 100 * memberMean, o.members(),
          splits.size() > 1 ? " over all folds" : "");
    }
    String who = o.members() > 1 ? " (ensemble)" : "";
    if (splits.size() > 1) {
      log.printf(Locale.ROOT, "accuracy    %.2f %%" + who + " mean over %d folds (std %.2f), %.2f %% pooled (%d / %d)%n",
          100 * mean, accs.size(), 100 * r.foldStdDev(), 100 * total.value(), total.correct(), total.total());
    } else {
      log.printf(Locale.ROOT, "accuracy    %.2f %%" + who + " (%d / %d test sentences)%n", 100 * mean, total.correct(),
          total.total());
    }
    log.printf(Locale.ROOT, "trained in  %s%n", Datasets.duration(secs));
    if (o.out() != null) {
      List<String> saved = new ArrayList<>();
      for (int k = 0; k < last.size(); k++) {
        Path file = last.size() == 1 ? o.out() : memberFile(o.out(), k + 1);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("text.tokenizer", TextTokens.SIGNATURE);
        meta.put("run.seed", Long.toString(o.seed() + k));
        meta.put("run.dataset", o.dataset().name());
        meta.put("run.accuracy", Double.toString(mean));
        if (last.size() > 1) {
          meta.put("run.ensemble", (k + 1) + "/" + last.size());
        }
        last.get(k).save(file, lastWords, TokenTable.of(labelNames, null), meta);
        saved.add(file.toString());
      }
      log.println("saved       " + String.join(",", saved) + (splits.size() > 1 ? " (the last fold's)" : "")
          + (saved.size() > 1 ? "; predict with all of them: --model " + String.join(",", saved) : ""));
    }
    log.flush();
    return r;
  }

  /** {@code emo.seqlab} and member 2 -> {@code emo.m2.seqlab} (the suffix goes before the last extension). */
  public static Path memberFile(Path out, int member) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String file = dot > 0 ? name.substring(0, dot) + ".m" + member + name.substring(dot) : name + ".m" + member;
    return out.resolveSibling(file);
  }

  private static ClassifierConfig withEmbed(ClassifierConfig c, int dim) {
    return new ClassifierConfig(c.encoder(), c.pooling(), c.vocabSize(), dim, c.hiddenSize(), c.numClasses(), c.epochs(),
        c.batchSize(), c.learningRate(), c.dropout(), c.clipNorm());
  }

  /** {@code <pad>}, {@code <unk>}, the training words by descending count (ties by word), then the vectors' other words. */
  static TokenTable vocabulary(List<LabeledText> train, WordVectors extra) {
    Map<String, Integer> counts = new HashMap<>();
    for (LabeledText t : train) {
      for (String w : TextTokens.words(t.text())) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    List<String> words = new ArrayList<>(List.of("<pad>", "<unk>"));
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> words.add(e.getKey()));
    if (extra != null) {
      java.util.Set<String> seen = new java.util.HashSet<>(words);
      for (String w : extra.words()) {
        String lw = w.toLowerCase(Locale.ROOT);
        if (seen.add(lw)) {
          words.add(lw);
        }
      }
    }
    return TokenTable.of(words, "<unk>");
  }

  static List<SequenceClassifier.Example> encode(List<LabeledText> data, TokenTable words) {
    List<SequenceClassifier.Example> out = new ArrayList<>();
    for (LabeledText t : data) {
      out.add(new SequenceClassifier.Example(ids(t.text(), words), t.label()));
    }
    return out;
  }

  /** The token ids of {@code text} ({@link TextTokens}); text without tokens reads as one {@code <unk>}. */
  public static int[] ids(String text, TokenTable words) {
    List<String> w = TextTokens.words(text);
    return w.isEmpty() ? new int[] {words.unknownId()} : words.encode(w);
  }

  /** Emojify defaults (see README). */
  public static ClassifierConfig emojifyConfig() {
    return new ClassifierConfig(ClassifierConfig.Encoder.BILSTM, ClassifierConfig.Pooling.MAX, 1, 100, 64, 5,
        40, 8, 0.005, 0.3, 5);
  }

  /** rt-polarity defaults (see README). */
  public static ClassifierConfig rtPolarityConfig() {
    return new ClassifierConfig(ClassifierConfig.Encoder.BILSTM, ClassifierConfig.Pooling.MAX, 1, 100, 100, 2,
        4, 32, 0.002, 0.5, 5);
  }

  /** {@code main [emojify|rt-polarity] [VECTORS]}. */
  public static void main(String[] args) throws IOException {
    Dataset d = args.length > 0 && args[0].equals("rt-polarity") ? Dataset.RT_POLARITY : Dataset.EMOJIFY;
    Path vec = args.length > 1 ? Path.of(args[1]) : null;
    ClassifierConfig cfg = d == Dataset.EMOJIFY ? emojifyConfig() : rtPolarityConfig();
    run(new Options(d, Datasets.defaultDir(), cfg, vec, false, false, 10, 1, null, null,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8)));
  }
}
