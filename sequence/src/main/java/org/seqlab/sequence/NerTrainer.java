package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.io.ParameterFile;

/**
 * Trains a {@link NerTagger}. Tables: words are the normalised training words (plus every word of
 * the pretrained vectors, if given), with {@code <pad>}=0 and {@code <unk>}=1; characters are the
 * training characters; tags are the training tags in sorted order. Training is {@link EpochTrainer}
 * (seeded shuffling and dropout, progress, per-epoch checkpoints). With a validation function the
 * model is scored after every epoch and the best epoch's parameters are kept (model selection on
 * the development set); with a checkpoint they are saved to {@code checkpoint + ".best"} so a
 * resumed run keeps them.
 *
 * <p>Unknown words: every word seen once in the training data is replaced by {@code <unk>} at each
 * of its training occurrences with probability {@link #unknownReplacement()} (0.5 by default, as in
 * Lample et al. 2016), drawn anew per batch from the step's seed. Otherwise {@code <unk>} would never
 * be trained, and every test word outside the tables would enter the network with its initial
 * random vector; with it the tagger learns to lean on the character and casing features when the
 * word is unknown.
 */
public final class NerTrainer {
  /** Lample et al.'s probability of replacing a training singleton by {@code <unk>}. */
  public static final double DEFAULT_UNKNOWN_REPLACEMENT = 0.5;

  /**
   * Pretrained word vectors.
   *
   * @param words lower-case words, one per row of {@code vectors}
   * @param vectors {@code [n, D]}
   * @param freeze keep the word table fixed
   */
  public record Pretrained(List<String> words, INDArray vectors, boolean freeze) {
    public Pretrained {
      words = List.copyOf(words);
      Objects.requireNonNull(vectors, "vectors");
      if (vectors.rank() != 2 || vectors.size(0) != words.size()) {
        throw new IllegalArgumentException("vectors must be [" + words.size() + ", D], got " + java.util.Arrays.toString(vectors.shape()));
      }
    }
  }

  private final NerTaggerConfig config;
  private final double unknownReplacement;
  private final double minLearningRate; // the config's learning rate: constant
  private final TagScheme scheme;
  private final boolean sparseUpdates;

  public NerTrainer(NerTaggerConfig config) {
    this(config, DEFAULT_UNKNOWN_REPLACEMENT, Objects.requireNonNull(config, "config").learningRate(), TagScheme.IOB2, false);
  }

  private NerTrainer(
      NerTaggerConfig config, double unknownReplacement, double minLearningRate, TagScheme scheme, boolean sparseUpdates) {
    this.config = Objects.requireNonNull(config, "config");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.sparseUpdates = sparseUpdates;
    if (!(unknownReplacement >= 0 && unknownReplacement <= 1)) {
      throw new IllegalArgumentException("unknown-word replacement probability must be in [0, 1], got " + unknownReplacement);
    }
    if (!(minLearningRate >= 0 && minLearningRate <= config.learningRate())) {
      throw new IllegalArgumentException(
          "minimum learning rate must be in [0, " + config.learningRate() + "] (the learning rate), got " + minLearningRate);
    }
    this.unknownReplacement = unknownReplacement;
    this.minLearningRate = minLearningRate;
  }

  /** A trainer that replaces training singletons by {@code <unk>} with probability {@code p} (0: never). */
  public NerTrainer withUnknownReplacement(double p) {
    return new NerTrainer(config, p, minLearningRate, scheme, sparseUpdates);
  }

  /**
   * A trainer whose learning rate falls from the config's to {@code minLr} along a cosine over all
   * training steps (by default it stays constant).
   */
  public NerTrainer withMinLearningRate(double minLr) {
    return new NerTrainer(config, unknownReplacement, minLr, scheme, sparseUpdates);
  }

  /**
   * A trainer whose tagger learns the training tags (IOB2) re-encoded in {@code scheme}; its
   * predictions are IOB2 either way ({@link NerTagger#predict}).
   */
  public NerTrainer withTagScheme(TagScheme scheme) {
    return new NerTrainer(config, unknownReplacement, minLearningRate, scheme, sparseUpdates);
  }

  /**
   * A trainer whose Adam updates only the word-table rows each batch looked up (the lazy update of
   * {@code torch.optim.SparseAdam}, see {@link FusedAdam}); by default every row is updated at every
   * step. With a fine-tuned 75,000-row pretrained table this saves most of the optimizer's time.
   */
  public NerTrainer withSparseUpdates(boolean sparse) {
    return new NerTrainer(config, unknownReplacement, minLearningRate, scheme, sparse);
  }

  public boolean sparseUpdates() {
    return sparseUpdates;
  }

  public TagScheme tagScheme() {
    return scheme;
  }

  public double unknownReplacement() {
    return unknownReplacement;
  }

  /**
   * @param iob2 training sentences with IOB2 tags (any tag set when the scheme is IOB2)
   * @param pretrained word vectors (their width replaces {@code wordDim}), or null
   * @param validation scores a model (higher is better, e.g. development-set F1), or null
   */
  public NerTagger train(
      List<NerTagger.Sentence> iob2, Pretrained pretrained, ToDoubleFunction<NerTagger> validation, long seed,
      TrainingOptions options) throws IOException {
    if (iob2.isEmpty()) {
      throw new IllegalArgumentException("training data is empty");
    }
    List<NerTagger.Sentence> train = new ArrayList<>(iob2.size());
    for (int i = 0; i < iob2.size(); i++) {
      NerTagger.Sentence s = iob2.get(i);
      if (s.tags() == null) {
        throw new IllegalArgumentException("training sentence " + i + " has no tags");
      }
      if (scheme == TagScheme.IOB2) {
        train.add(s);
        continue;
      }
      try {
        train.add(new NerTagger.Sentence(s.tokens(), scheme.encode(s.tags())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("training sentence " + i + ": " + e.getMessage(), e);
      }
    }
    NerTaggerConfig cfg = pretrained == null ? config : config.withWordDim((int) pretrained.vectors().size(1));
    NerTagger m = new NerTagger(cfg, wordTable(train, pretrained), charTable(train), tagTable(train), seed);
    if (pretrained != null) {
      int[] rows = new int[pretrained.words().size()];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = m.words.id(pretrained.words().get(i));
      }
      m.wordEmbedding().loadPretrained(rows, pretrained.vectors().castTo(DataType.FLOAT), pretrained.freeze());
    }
    m.wordEmbedding().setSparseUpdates(sparseUpdates);
    Path best = options.checkpoint() == null ? null : Path.of(options.checkpoint() + ".best");
    double[] bestScore = {Double.NEGATIVE_INFINITY};
    Map<String, INDArray> bestParams = new LinkedHashMap<>();
    if (best != null && Files.exists(best)) {
      ParameterFile.Contents c = ParameterFile.read(best);
      bestScore[0] = Double.parseDouble(c.metadata().get("best.score"));
      bestParams.putAll(c.tensors());
    }
    String compatible = cfg.withTraining(1, cfg.batchSize(), cfg.learningRate()).signature() + "|n:" + train.size()
        + "|seed:" + seed + "|words:" + m.words.size() + "|pre:" + (pretrained == null ? "none" : pretrained.freeze() ? "frozen" : "tuned")
        + (unknownReplacement == 0 ? "" : "|unk:" + unknownReplacement)
        + (minLearningRate == cfg.learningRate() ? "" : "|minlr:" + minLearningRate)
        + (scheme == TagScheme.IOB2 ? "" : "|tags:" + scheme)
        + (sparseUpdates ? "|sparse" : "");
    boolean[] singleton = singletons(train, m.words);
    java.util.function.DoubleSupplier val = validation == null ? null : () -> {
      double s = validation.applyAsDouble(m);
      if (s > bestScore[0]) {
        bestScore[0] = s;
        bestParams.clear();
        m.params.list().forEach(p -> bestParams.put(p.name(), p.value().dup()));
        if (best != null) {
          try {
            ParameterFile.write(best, bestParams, Map.of("best.score", Double.toString(s)));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
      return s;
    };
    EpochTrainer.run(m.params, train.size(), cfg.epochs(), cfg.batchSize(), cfg.clipNorm(), cfg.learningRate(),
        minLearningRate, seed,
        compatible, options.epochOptions(val), (batch, dropSeed) -> {
          NerTagger.Batch b = m.batch(train, batch, 0, batch.length, true);
          replaceSingletons(b.words(), singleton, m.words.unknownId(), unknownReplacement, Seeds.derive(dropSeed, "unk"));
          try (Tape tape = new Tape()) {
            Variable loss = m.loss(tape, b, true, dropSeed);
            tape.backward(loss);
            return loss.value().getDouble(0);
          }
        });
    if (!bestParams.isEmpty()) {
      for (Parameter p : m.params.list()) {
        p.value().assign(bestParams.get(p.name()));
      }
    }
    return m;
  }

  /** {@code singleton[id]}: the word of row {@code id} occurs exactly once in the training data. */
  static boolean[] singletons(List<NerTagger.Sentence> train, TokenTable words) {
    int[] counts = new int[words.size()];
    for (NerTagger.Sentence s : train) {
      for (String w : s.tokens()) {
        counts[words.id(NerFeatures.normalize(w))]++;
      }
    }
    boolean[] out = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = counts[i] == 1 && i != words.unknownId();
    }
    return out;
  }

  /** Replaces each singleton id in {@code ids} by {@code unk} with probability {@code p}, in place, seeded. */
  static void replaceSingletons(int[][] ids, boolean[] singleton, int unk, double p, long seed) {
    if (p == 0) {
      return;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int[] row : ids) {
      for (int j = 0; j < row.length; j++) {
        if (singleton[row[j]] && rng.nextDouble() < p) {
          row[j] = unk;
        }
      }
    }
  }

  static TokenTable wordTable(List<NerTagger.Sentence> train, Pretrained pretrained) {
    Map<String, Integer> counts = new HashMap<>();
    for (NerTagger.Sentence s : train) {
      for (String w : s.tokens()) {
        counts.merge(NerFeatures.normalize(w), 1, Integer::sum);
      }
    }
    List<String> words = new ArrayList<>(List.of("<pad>", "<unk>"));
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> words.add(e.getKey()));
    if (pretrained != null) {
      java.util.Set<String> seen = new java.util.HashSet<>(words);
      for (String w : pretrained.words()) {
        if (seen.add(w)) {
          words.add(w);
        }
      }
    }
    return TokenTable.of(words, "<unk>");
  }

  static TokenTable charTable(List<NerTagger.Sentence> train) {
    TreeSet<Integer> cps = new TreeSet<>();
    for (NerTagger.Sentence s : train) {
      for (String w : s.tokens()) {
        w.codePoints().forEach(cps::add);
      }
    }
    List<String> chars = new ArrayList<>(List.of("<pad>", "<unk>"));
    cps.forEach(c -> chars.add(new String(Character.toChars(c))));
    return TokenTable.of(chars, "<unk>");
  }

  static TokenTable tagTable(List<NerTagger.Sentence> train) {
    TreeSet<String> tags = new TreeSet<>();
    train.forEach(s -> tags.addAll(s.tags()));
    return TokenTable.of(new ArrayList<>(tags), null);
  }
}
