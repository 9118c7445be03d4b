package org.seqlab.embeddings.glove;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.DoubleAdder;
import org.seqlab.embeddings.train.EncodedCorpus;
import org.seqlab.embeddings.train.Hogwild;
import org.seqlab.embeddings.train.ProgressMeter;
import org.seqlab.embeddings.train.RowKernel;
import org.seqlab.embeddings.train.TrainedVectors;
import org.seqlab.embeddings.train.TrainingListener;
import org.seqlab.embeddings.train.TrainingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains GloVe vectors: weighted least squares on log co-occurrences with AdaGrad, as Stanford's
 * {@code glove.c}. The records are shuffled once (seeded); every iteration visits them block by block
 * in a fresh seeded block order, with Hogwild worker threads. The result is {@code W + W~} (Stanford's
 * {@code -model 2}). With one thread a run is reproducible bit for bit, and a checkpoint taken after
 * an iteration resumes exactly. Immutable; {@code with*} return copies.
 */
public final class GloveTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(GloveTrainer.class);
  /** Records per work unit. */
  static final int BLOCK = 1 << 14;

  private final GloveConfig config;
  private final TrainingListener listener;
  private final Path checkpoint;
  private final Duration reportEvery;

  public GloveTrainer(GloveConfig config) {
    this(config, TrainingListener.NONE, null, Duration.ofSeconds(5));
  }

  private GloveTrainer(GloveConfig config, TrainingListener listener, Path checkpoint, Duration reportEvery) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.checkpoint = checkpoint;
    this.reportEvery = Objects.requireNonNull(reportEvery, "reportEvery");
  }

  public GloveConfig config() {
    return config;
  }

  public GloveTrainer withListener(TrainingListener l) {
    return new GloveTrainer(config, l, checkpoint, reportEvery);
  }

  public GloveTrainer withReportInterval(Duration d) {
    return new GloveTrainer(config, listener, checkpoint, d);
  }

  /** A trainer that saves its state to {@code file} (atomically) after every iteration but the last. */
  public GloveTrainer withCheckpoints(Path file) {
    return new GloveTrainer(config, listener, Objects.requireNonNull(file, "file"), reportEvery);
  }

  /** The whole pipeline: count co-occurrences (spilling under {@code tempDir}), shuffle, train. */
  public TrainedVectors train(EncodedCorpus corpus, Path tempDir) {
    return run(corpus, prepare(corpus, tempDir), GloveState.init(corpus.vocabulary().size(), config));
  }

  /** Trains on counts already made from {@code corpus} (sorted or not; they are shuffled here). */
  public TrainedVectors train(EncodedCorpus corpus, CooccurrenceCounts counts) {
    return run(corpus, counts.shuffle(new SplittableRandom(config.seed())),
        GloveState.init(corpus.vocabulary().size(), config));
  }

  /**
   * Continues from a checkpoint written for the same config (threads may differ) and corpus; the
   * co-occurrences are recounted, which gives the same records.
   */
  public TrainedVectors resume(Path checkpointFile, EncodedCorpus corpus, Path tempDir) throws IOException {
    GloveState state = GloveState.read(checkpointFile, config, corpus);
    LOG.info("resuming {} from {} after iteration {}", config.signature(), checkpointFile, state.iteration);
    return run(corpus, prepare(corpus, tempDir), state);
  }

  /** The configuration stored in a GloVe checkpoint. */
  public static GloveConfig checkpointConfig(Path checkpointFile) throws IOException {
    return GloveState.readConfig(checkpointFile);
  }

  private CooccurrenceCounts prepare(EncodedCorpus corpus, Path tempDir) {
    long t0 = System.nanoTime();
    CooccurrenceCounts counts =
        CooccurrenceCounts.count(corpus, config.window(), config.memoryBudgetMiB() * (1L << 20), tempDir);
    long t1 = System.nanoTime();
    CooccurrenceCounts shuffled = counts.shuffle(new SplittableRandom(config.seed()));
    LOG.info("co-occurrences: {} records counted in {} s, shuffled in {} s", counts.size(),
        String.format(java.util.Locale.ROOT, "%.1f", (t1 - t0) / 1e9),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t1) / 1e9));
    return shuffled;
  }

  private TrainedVectors run(EncodedCorpus corpus, CooccurrenceCounts records, GloveState state) {
    if (records.vocabSize() != corpus.vocabulary().size()) {
      throw new IllegalArgumentException("counts are for a vocabulary of " + records.vocabSize()
          + " words, corpus has " + corpus.vocabulary().size());
    }
    int n = records.size();
    RowKernel ops = RowKernel.best();
    long blocks = (n + BLOCK - 1) / BLOCK;
    ProgressMeter meter = new ProgressMeter("glove", config.iterations(), (long) n * config.iterations(),
        (long) n * state.iteration, reportEvery, listener);
    LOG.info("training {} on {} records, vocabulary {}, {} threads, {} row kernel", config.signature(), n,
        corpus.vocabulary().size(), config.threads(), ops.name());
    for (int it = state.iteration; it < config.iterations(); it++) {
      int[] order = blockOrder(blocks, it);
      DoubleAdder cost = new DoubleAdder();
      int iteration = it + 1;
      Hogwild.run(config.threads(), 0, blocks, "glove", t -> {
        GloveKernel kernel = new GloveKernel(state, config, ops);
        return b -> {
          int from = order[(int) b] * BLOCK;
          int to = Math.min(n, from + BLOCK);
          cost.add(kernel.block(records, from, to));
          meter.add(to - from, iteration, config.eta());
        };
      });
      state.iteration = iteration;
      double mean = cost.sum() / n;
      LOG.info("glove iteration {}/{}: cost {}", iteration, config.iterations(),
          String.format(java.util.Locale.ROOT, "%.6f", mean));
      meter.report(iteration, config.eta(), mean);
      if (checkpoint != null && iteration < config.iterations()) {
        saveCheckpoint(corpus, state, meter.snapshot(iteration, config.eta(), mean));
      }
    }
    return new TrainedVectors(corpus.vocabulary(), config.dim(), state.sum(), config.signature());
  }

  private void saveCheckpoint(EncodedCorpus corpus, GloveState state, TrainingProgress p) {
    try {
      state.write(checkpoint, config, corpus);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + checkpoint + ": " + e.getMessage(), e);
    }
    listener.onCheckpoint(checkpoint, p);
  }

  /** A seeded permutation of the block indices for iteration {@code it}. */
  private int[] blockOrder(long blocks, int it) {
    int[] order = new int[(int) blocks];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + it + 1);
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
