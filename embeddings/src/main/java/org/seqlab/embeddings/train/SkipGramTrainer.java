package org.seqlab.embeddings.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.seqlab.corpora.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains skip-gram with negative sampling (Mikolov et al. 2013) on an {@link EncodedCorpus}.
 *
 * <p>The work of a run is {@code epochs x sentences} units, numbered epoch-major. Unit {@code u} uses a
 * random stream keyed by (seed, epoch, sentence) for its subsampling, windows and noise words, and the
 * learning rate decays linearly from {@code alpha} to {@code minAlpha} with the number of words done.
 * Hence with one thread a run is a pure function of (config, corpus), and a checkpoint needs only the
 * two matrices, the next unit and the word count to continue exactly where it stopped.
 *
 * <pre>{@code
 * EncodedCorpus corpus = EncodedCorpus.fromTextFile(path, config.minCount(), config.maxVocab(), 10_000);
 * TrainedVectors v = new SkipGramTrainer(config).withListener(l).train(corpus);
 * }</pre>
 *
 * Immutable; {@code with*} return copies.
 */
public final class SkipGramTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(SkipGramTrainer.class);

  private final SkipGramConfig config;
  private final TrainingListener listener;
  private final Path checkpoint;
  private final long checkpointEvery;
  private final Duration reportEvery;
  private final RowKernel ops; // null: RowKernel.best()

  public SkipGramTrainer(SkipGramConfig config) {
    this(config, TrainingListener.NONE, null, 0, Duration.ofSeconds(5), null);
  }

  private SkipGramTrainer(SkipGramConfig config, TrainingListener listener, Path checkpoint,
      long checkpointEvery, Duration reportEvery, RowKernel ops) {
    this.ops = ops;
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.checkpoint = checkpoint;
    this.checkpointEvery = checkpointEvery;
    this.reportEvery = reportEvery;
  }

  /** A trainer whose hot loops use {@code ops} (default {@link RowKernel#best()}). */
  public SkipGramTrainer withRowKernel(RowKernel ops) {
    return new SkipGramTrainer(config, listener, checkpoint, checkpointEvery, reportEvery, Objects.requireNonNull(ops, "ops"));
  }

  private RowKernel kernel() {
    return ops != null ? ops : RowKernel.best();
  }

  public SkipGramConfig config() {
    return config;
  }

  /** A trainer that reports progress to {@code l} (besides the slf4j log). */
  public SkipGramTrainer withListener(TrainingListener l) {
    return new SkipGramTrainer(config, l, checkpoint, checkpointEvery, reportEvery, ops);
  }

  /** A trainer that reports progress about every {@code interval}. */
  public SkipGramTrainer withReportInterval(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must be >= 0, got " + interval);
    }
    return new SkipGramTrainer(config, listener, checkpoint, checkpointEvery, interval, ops);
  }

  /**
   * A trainer that saves its state to {@code file} (atomically replacing it) after about every
   * {@code everyWords} words, at sentence boundaries.
   */
  public SkipGramTrainer withCheckpoints(Path file, long everyWords) {
    Objects.requireNonNull(file, "file");
    if (everyWords < 1) {
      throw new IllegalArgumentException("everyWords must be >= 1, got " + everyWords);
    }
    return new SkipGramTrainer(config, listener, file, everyWords, reportEvery, ops);
  }

  /**
   * Trains from a fresh seeded initialisation: {@code syn0} uniform in {@code [-0.5/D, 0.5/D)} as
   * word2vec does, {@code syn1} zero.
   *
   * @throws IllegalArgumentException if the corpus vocabulary breaks the config's minCount/maxVocab
   */
  public TrainedVectors train(EncodedCorpus corpus) {
    checkCorpus(corpus);
    int v = corpus.vocabulary().size();
    int dim = config.dim();
    float[][] syn0 = new float[v][dim];
    FastRandom init = new FastRandom(config.seed());
    for (float[] row : syn0) {
      for (int d = 0; d < dim; d++) {
        row[d] = (init.nextFloat() - 0.5f) / dim;
      }
    }
    return run(corpus, new SgnsState(syn0, new float[v][dim], 0, 0));
  }

  /**
   * Continues a run from a checkpoint written by a trainer with the same config (the thread count may
   * differ) on the same corpus. With one thread the result equals the uninterrupted run bit for bit.
   *
   * @throws IOException if the file is unreadable or corrupt, or was written for another config or corpus
   */
  public TrainedVectors resume(Path checkpointFile, EncodedCorpus corpus) throws IOException {
    checkCorpus(corpus);
    SgnsState state = SgnsCheckpoint.read(checkpointFile, config, corpus);
    LOG.info("resuming {} from {} at word {} of {}", config.signature(), checkpointFile,
        state.wordsDone(), totalWords(corpus));
    return run(corpus, state);
  }

  /** The configuration stored in a checkpoint (to resume without knowing it). */
  public static SkipGramConfig checkpointConfig(Path checkpointFile) throws IOException {
    return SgnsCheckpoint.readConfig(checkpointFile);
  }

  private void checkCorpus(EncodedCorpus corpus) {
    Vocabulary vocab = corpus.vocabulary();
    if (vocab.size() > config.maxVocab()) {
      throw new IllegalArgumentException("corpus vocabulary has " + vocab.size() + " words, more than maxVocab="
          + config.maxVocab() + "; build the corpus with the config's maxVocab");
    }
    if (vocab.count(vocab.size() - 1) < config.minCount()) {
      throw new IllegalArgumentException("corpus vocabulary has words seen " + vocab.count(vocab.size() - 1)
          + " times, fewer than minCount=" + config.minCount() + "; build the corpus with the config's minCount");
    }
    if (corpus.tokenCount() == 0) {
      throw new IllegalArgumentException("corpus has no in-vocabulary token");
    }
  }

  private long totalWords(EncodedCorpus corpus) {
    return corpus.tokenCount() * config.epochs();
  }

  private TrainedVectors run(EncodedCorpus corpus, SgnsState state) {
    long sentences = corpus.sentenceCount();
    long totalUnits = sentences * config.epochs();
    long totalWords = totalWords(corpus);
    long[] counts = corpus.vocabulary().counts();
    NegativeSampler noise = NegativeSampler.unigram(counts, 0.75);
    Subsampler sub = Subsampler.of(counts, config.sample());
    ProgressMeter meter = new ProgressMeter("sgns", config.epochs(), totalWords, state.wordsDone(),
        reportEvery, new LoggingListener(listener, LOG));
    LOG.info("training {} on {} words x {} epochs, vocabulary {}, {} threads, {} row kernel", config.signature(),
        corpus.tokenCount(), config.epochs(), counts.length, config.threads(), kernel().name());
    long unit = state.nextUnit();
    while (unit < totalUnits) {
      long end = checkpoint == null ? totalUnits : segmentEnd(corpus, unit, totalUnits);
      long from = unit;
      Hogwild.run(config.threads(), from, end, "sgns",
          t -> worker(corpus, state, noise, sub, meter, totalWords));
      unit = end;
      if (checkpoint != null && unit < totalUnits) {
        SgnsState snap = new SgnsState(state.syn0(), state.syn1(), unit, meter.done());
        try {
          SgnsCheckpoint.write(checkpoint, config, corpus, snap);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
        listener.onCheckpoint(checkpoint, meter.snapshot(epochOf(unit, sentences), alpha(meter.done(), totalWords),
            Double.NaN));
      }
    }
    meter.report(config.epochs(), alpha(meter.done(), totalWords), Double.NaN);
    return new TrainedVectors(corpus.vocabulary(), config.dim(), RowOps.flatten(state.syn0()), config.signature());
  }

  private static int epochOf(long unit, long sentences) {
    return (int) (unit / sentences) + 1;
  }

  private Hogwild.Worker worker(EncodedCorpus corpus, SgnsState state, NegativeSampler noise,
      Subsampler sub, ProgressMeter meter, long totalWords) {
    SgnsKernel kernel = new SgnsKernel(state.syn0(), state.syn1(), config, noise, sub, kernel());
    int sentences = corpus.sentenceCount();
    int[] ids = corpus.idsUnsafe();
    return u -> {
      int epoch = (int) (u / sentences);
      int s = (int) (u % sentences);
      float alpha = (float) alpha(meter.done(), totalWords);
      FastRandom rng = FastRandom.forUnit(config.seed(), epoch, s);
      int from = corpus.sentenceStart(s);
      int to = corpus.sentenceEnd(s);
      kernel.sentence(ids, from, to, alpha, rng);
      meter.add(to - from, epoch + 1, alpha);
    };
  }

  /** Linear decay from alpha to minAlpha over all words of all epochs. */
  double alpha(long wordsDone, long totalWords) {
    double a = config.alpha() - (config.alpha() - config.minAlpha()) * wordsDone / (double) totalWords;
    return Math.max(config.minAlpha(), a);
  }

  /** The first unit after {@code from} at which at least {@code checkpointEvery} words are done. */
  private long segmentEnd(EncodedCorpus corpus, long from, long totalUnits) {
    int sentences = corpus.sentenceCount();
    long words = 0;
    long u = from;
    while (u < totalUnits && words < checkpointEvery) {
      int s = (int) (u % sentences);
      words += corpus.sentenceEnd(s) - corpus.sentenceStart(s);
      u++;
    }
    return u;
  }

  /**
   * Forwards progress to a listener and logs it: at INFO without a listener, at DEBUG when a listener
   * (such as the CLI) renders it already.
   */
  private record LoggingListener(TrainingListener inner, Logger log) implements TrainingListener {
    @Override
    public void onProgress(TrainingProgress p) {
      if (inner == TrainingListener.NONE) {
        log.info("{}", p.format());
      } else {
        log.debug("{}", p.format());
      }
      inner.onProgress(p);
    }
  }

  /** Mutable training state shared by the workers: the two matrices, the next unit, words done. */
  record SgnsState(float[][] syn0, float[][] syn1, long nextUnit, long wordsDone) {}

  /** Header keys and arrays of a skip-gram checkpoint. */
  static Map<String, float[]> arrays(SgnsState s) {
    Map<String, float[]> m = new LinkedHashMap<>();
    m.put("syn0", RowOps.flatten(s.syn0()));
    m.put("syn1neg", RowOps.flatten(s.syn1()));
    return m;
  }
}
