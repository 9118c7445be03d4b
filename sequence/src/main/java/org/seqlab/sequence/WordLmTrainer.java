package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.corpora.Specials;
import org.seqlab.corpora.Tokenizer;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.corpora.VocabularyBuilder;
import org.seqlab.corpora.VocabularyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link WordLanguageModel} with truncated back-propagation through time over the id
 * stream of the training lines (see {@link WordLanguageModel#encode}); the vocabulary is the
 * training words with at least {@code minCount} occurrences, at most {@code maxVocab} of them. The
 * loop, seeding, progress and checkpoint/resume are those of {@link CharLmTrainer}.
 */
public final class WordLmTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(WordLmTrainer.class);
  private static final String CHECKPOINT_FORMAT = "seqlab-wordlm-checkpoint";

  private final WordLmConfig config;
  private final Path checkpoint;
  private final int checkpointEvery;
  private final int reportEvery;
  private final Consumer<TrainingProgress> listener;

  public WordLmTrainer(WordLmConfig config) {
    this(config, null, 0, 50, p -> {});
  }

  private WordLmTrainer(WordLmConfig config, Path checkpoint, int every, int reportEvery, Consumer<TrainingProgress> listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.checkpoint = checkpoint;
    this.checkpointEvery = every;
    this.reportEvery = reportEvery;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Saves a checkpoint every {@code every} steps (and at the end), resuming from it if it exists. */
  public WordLmTrainer withCheckpoint(Path file, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1, got " + every);
    }
    return new WordLmTrainer(config, Objects.requireNonNull(file, "file"), every, reportEvery, listener);
  }

  /** Reports progress every {@code every} steps (and at every validation). */
  public WordLmTrainer withProgress(int every, Consumer<TrainingProgress> listener) {
    if (every < 1) {
      throw new IllegalArgumentException("report interval must be >= 1, got " + every);
    }
    return new WordLmTrainer(config, checkpoint, checkpointEvery, every, listener);
  }

  /** The vocabulary {@link #train} would build from {@code trainLines}. */
  public TokenTable vocabulary(List<String> trainLines) {
    Tokenizer tok = config.tokenizer().create(false);
    VocabularyBuilder b = new VocabularyBuilder();
    for (String line : trainLines) {
      b.addAll(WordLanguageModel.tokenize(config, tok, line));
    }
    if (b.distinctTokens() == 0) {
      throw new IllegalArgumentException("training text has no words (" + trainLines.size() + " lines)");
    }
    Vocabulary v = b.build(new VocabularyConfig(config.minCount(), config.maxVocab(), Specials.STANDARD));
    return TokenTable.of(new ArrayList<>(v.tokens()), Vocabulary.UNK);
  }

  /**
   * Trains a model.
   *
   * @param trainLines training text, one sentence or line per entry
   * @param validationLines scored every {@code evalEvery} steps and at the end, or null
   * @throws IOException when a checkpoint cannot be read or written
   */
  public WordLanguageModel train(List<String> trainLines, List<String> validationLines, long seed) throws IOException {
    TokenTable vocab = vocabulary(trainLines);
    Tokenizer tok = config.tokenizer().create(false);
    int[] ids = WordLanguageModel.encode(trainLines, l -> WordLanguageModel.tokenize(config, tok, l), vocab);
    int[] valIds = validationLines == null
        ? null : WordLanguageModel.encode(validationLines, l -> WordLanguageModel.tokenize(config, tok, l), vocab);
    CharLmConfig net = config.network();
    LanguageModel lm = new LanguageModel(net.model(vocab.size()), DataType.FLOAT, seed);
    StreamTrainer.Checkpointing ck = new StreamTrainer.Checkpointing(
        CHECKPOINT_FORMAT, WordLanguageModel.metadata(config, vocab, Map.of()),
        config.withNetwork(net.withSteps(1)).signature(), config.signature());
    StreamTrainer.Run run = new StreamTrainer.Run(checkpoint, checkpointEvery, reportEvery, listener);
    double val = StreamTrainer.train(lm, net, ids, valIds, seed, run, ck);
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("run.seed", Long.toString(seed));
    prov.put("run.steps", Integer.toString(net.steps()));
    prov.put("run.trainTokens", Integer.toString(ids.length));
    prov.put("run.optimizer", new FusedAdam(net.schedule(), 0.9, 0.999, 1e-8, 0).signature());
    if (!Double.isNaN(val)) {
      prov.put("run.validation.nats", Double.toString(val));
      LOG.info("final validation loss {} nats/token (perplexity {}) over {} tokens", val, Math.exp(val), valIds.length);
    }
    return new WordLanguageModel(config, vocab, lm, prov);
  }
}
