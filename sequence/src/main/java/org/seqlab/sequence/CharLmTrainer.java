package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link CharLanguageModel} with truncated back-propagation through time.
 *
 * <p>The training text is cut into {@code batchSize} contiguous streams; step {@code s} reads window
 * {@code s mod W} ({@code W} windows of {@code bpttLength} characters per stream), carrying each
 * stream's recurrent state from the previous window (detached: the gradient stops at the window
 * boundary) and resetting it at every pass over the text (Zaremba et al. 2014). Each step: masked
 * cross-entropy, backward, clipping by global norm, {@link FusedAdam}.
 *
 * <p>Everything stochastic derives from the run seed: initialisation, and dropout at step {@code s}
 * from {@code Seeds.derive(seed, s)}. With a checkpoint file, the trainer saves parameters, Adam
 * moments, carried states and the step count every {@code checkpointEvery} steps, and a run started
 * with an existing checkpoint resumes from it and ends with the same parameters as an uninterrupted
 * run (the total step count may differ from the checkpointed run's, to extend training).
 */
public final class CharLmTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(CharLmTrainer.class);
  private static final String CHECKPOINT_FORMAT = "seqlab-charlm-checkpoint";

  private final CharLmConfig config;
  private final Path checkpoint;
  private final int checkpointEvery;
  private final int reportEvery;
  private final Consumer<TrainingProgress> listener;

  public CharLmTrainer(CharLmConfig config) {
    this(config, null, 0, 50, p -> {});
  }

  private CharLmTrainer(CharLmConfig config, Path checkpoint, int every, int reportEvery, Consumer<TrainingProgress> listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.checkpoint = checkpoint;
    this.checkpointEvery = every;
    this.reportEvery = reportEvery;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Saves a checkpoint every {@code every} steps (and at the end) to {@code file}, resuming from it if it exists. */
  public CharLmTrainer withCheckpoint(Path file, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1, got " + every);
    }
    return new CharLmTrainer(config, Objects.requireNonNull(file, "file"), every, reportEvery, listener);
  }

  /** Reports progress every {@code every} steps (and at every validation) to {@code listener}, besides the log. */
  public CharLmTrainer withProgress(int every, Consumer<TrainingProgress> listener) {
    if (every < 1) {
      throw new IllegalArgumentException("report interval must be >= 1, got " + every);
    }
    return new CharLmTrainer(config, checkpoint, checkpointEvery, every, listener);
  }

  /**
   * Trains a model.
   *
   * @param trainText training characters; the vocabulary is its distinct code points
   * @param validationText scored every {@code evalEvery} steps and at the end (may be null)
   * @throws IOException when a checkpoint cannot be read or written
   */
  public CharLanguageModel train(String trainText, String validationText, long seed) throws IOException {
    CharVocabulary vocab = CharVocabulary.of(trainText);
    int[] ids = vocab.encode(trainText);
    LanguageModel lm = new LanguageModel(config.model(vocab.size()), DataType.FLOAT, seed);
    int[] valIds = validationText == null ? null : vocab.encode(validationText);
    StreamTrainer.Checkpointing ck = new StreamTrainer.Checkpointing(
        CHECKPOINT_FORMAT, CharLanguageModel.metadata(config, vocab, Map.of()), config.withSteps(1).signature(),
        config.signature());
    StreamTrainer.Run run = new StreamTrainer.Run(checkpoint, checkpointEvery, reportEvery, listener);
    double val = StreamTrainer.train(lm, config, ids, valIds, seed, run, ck);
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("run.seed", Long.toString(seed));
    prov.put("run.steps", Integer.toString(config.steps()));
    prov.put("run.optimizer", new FusedAdam(config.schedule(), 0.9, 0.999, 1e-8, 0).signature());
    if (!Double.isNaN(val)) {
      prov.put("run.validation.nats", Double.toString(val));
      LOG.info("final validation loss {} nats/char ({} bits/char) over {} characters", val, val / Math.log(2), valIds.length);
    }
    return new CharLanguageModel(config, vocab, lm, prov);
  }
}
