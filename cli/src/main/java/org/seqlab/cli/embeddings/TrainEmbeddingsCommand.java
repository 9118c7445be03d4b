package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.embeddings.glove.GloveConfig;
import org.seqlab.embeddings.glove.GloveTrainer;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.WordVectorsFormat;
import org.seqlab.embeddings.train.EncodedCorpus;
import org.seqlab.embeddings.train.SkipGramConfig;
import org.seqlab.embeddings.train.SkipGramTrainer;
import org.seqlab.embeddings.train.TrainedVectors;
import org.seqlab.embeddings.train.TrainingListener;
import org.seqlab.embeddings.train.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code seqlab embeddings train --method sgns|glove --corpus FILE}: trains word vectors on a
 * whitespace-tokenised corpus (plain UTF-8 or a single-entry zip such as text8.zip) and writes them in
 * a word2vec or GloVe format with a {@code .seqlab.json} sidecar.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains skip-gram with negative sampling (word2vec) or GloVe vectors on a whitespace-tokenised corpus and writes them (word2vec binary by default). Progress lines show words/s and ETA.")
public final class TrainEmbeddingsCommand implements Callable<Integer> {
  /** The training method. */
  enum Method { sgns, glove }

  /** Output formats by their short names. */
  enum Format {
    w2v_bin(VectorsFormat.WORD2VEC_BINARY), w2v_text(VectorsFormat.WORD2VEC_TEXT), glove(VectorsFormat.GLOVE_TEXT);

    final VectorsFormat format;

    Format(VectorsFormat f) {
      format = f;
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--method", defaultValue = "sgns", description = "sgns or glove (default: ${DEFAULT-VALUE})")
  Method method;

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "whitespace-tokenised UTF-8 text or single-entry .zip")
  Path corpus;

  @Option(names = "--out", defaultValue = "vectors.bin", paramLabel = "FILE", description = "output vectors (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--format", defaultValue = "w2v-bin", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "w2v-bin, w2v-text or glove (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--dim", description = "vector dimension (default: 100)")
  Integer dim;

  @Option(names = "--window", description = "context window (default: 5 for sgns, 15 for glove)")
  Integer window;

  @Option(names = "--negative", description = "sgns: noise words per centre word (default: 5)")
  Integer negative;

  @Option(names = "--sample", description = "sgns: subsampling threshold (default: 1e-4; 0 disables)")
  Double sample;

  @Option(names = "--alpha", description = "sgns: initial learning rate (default: 0.025)")
  Double alpha;

  @Option(names = "--x-max", description = "glove: weighting cap x_max (default: 10)")
  Double xMax;

  @Option(names = "--min-count", description = "drop words seen fewer times (default: 5)")
  Integer minCount;

  @Option(names = "--max-vocab", description = "keep at most this many most frequent words (default: all)")
  Integer maxVocab;

  @Option(names = {"--epochs", "--iterations"}, description = "passes (default: 5 for sgns, 15 for glove)")
  Integer epochs;

  @Option(names = "--threads", description = "worker threads (default: available processors)")
  Integer threads;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--memory-mib", description = "glove: memory for co-occurrence counting before spilling (default: 1024)")
  Integer memoryMiB;

  @Option(names = "--sentence-length", defaultValue = "10000", description = "cut the token stream into pseudo-sentences of this length (default: ${DEFAULT-VALUE}, as gensim's Text8Corpus)")
  int sentenceLength;

  @Option(names = "--checkpoint", paramLabel = "DIR", description = "save resumable state in DIR")
  Path checkpointDir;

  @Option(names = "--checkpoint-every", defaultValue = "10000000", description = "sgns: words between checkpoints (default: ${DEFAULT-VALUE}); glove saves after every iteration")
  long checkpointEvery;

  @Option(names = "--resume", description = "continue from the checkpoint in --checkpoint DIR (its stored settings are used)")
  boolean resume;

  @Option(names = "--progress-seconds", defaultValue = "5", description = "seconds between progress lines (default: ${DEFAULT-VALUE})")
  double progressSeconds;

  @Option(names = "--stats-json", paramLabel = "FILE", description = "also write timings and sizes as JSON (for benchmarks)")
  Path statsJson;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    if (resume && checkpointDir == null) {
      throw new IllegalArgumentException("--resume needs --checkpoint DIR");
    }
    if (!(progressSeconds > 0)) {
      throw new IllegalArgumentException("--progress-seconds must be > 0, got " + progressSeconds);
    }
    Path ckpt = checkpointDir == null ? null : checkpointDir.resolve(method + ".ckpt");
    if (resume && !Files.exists(ckpt)) {
      throw new IllegalArgumentException("no checkpoint to resume: " + ckpt + " does not exist");
    }
    int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    Trained result = method == Method.sgns ? sgns(o, ckpt, nThreads, t0) : glove(o, ckpt, nThreads, t0);
    long t1 = System.nanoTime();
    WordVectorsFormat.write(out, result.vectors.toWordVectors(), format.format, result.vectors.signature());
    double writeSeconds = (System.nanoTime() - t1) / 1e9;
    o.printf(Locale.ROOT, "wrote       %s (%s, %d words x %d dims) in %.1f s; total %.1f s%n", out, format.format.id(),
        result.vectors.size(), result.vectors.dim(), writeSeconds, (System.nanoTime() - t0) / 1e9);
    if (statsJson != null) {
      writeStats(result, writeSeconds, (System.nanoTime() - t0) / 1e9);
    }
    o.flush();
    return 0;
  }

  /** Vectors plus timings for the report. */
  private record Trained(TrainedVectors vectors, double encodeSeconds, double trainSeconds, long tokens, int threads) {}

  private EncodedCorpus encode(PrintWriter o, int min, int max) {
    long t = System.nanoTime();
    EncodedCorpus c = EncodedCorpus.fromTextFile(corpus, min, max, sentenceLength);
    o.printf(Locale.ROOT, "corpus      %s: %,d tokens, %,d in vocabulary (%,d words with count >= %d), read in %.1f s%n",
        corpus, c.rawTokenCount(), c.tokenCount(), c.vocabulary().size(), min, (System.nanoTime() - t) / 1e9);
    o.flush();
    return c;
  }

  private Trained sgns(PrintWriter o, Path ckpt, int nThreads, long t0) throws IOException {
    SkipGramConfig c;
    if (resume) {
      c = SkipGramTrainer.checkpointConfig(ckpt).withThreads(nThreads);
      o.println("resuming    " + ckpt + " (its stored settings are used)");
    } else {
      SkipGramConfig d = SkipGramConfig.defaults();
      c = d.toBuilder().dim(or(dim, d.dim())).window(or(window, d.window())).negative(or(negative, d.negative()))
          .sample(or(sample, d.sample())).alpha(or(alpha, d.alpha())).minCount(or(minCount, d.minCount()))
          .maxVocab(or(maxVocab, d.maxVocab())).epochs(or(epochs, d.epochs())).threads(nThreads).seed(seed).build();
    }
    o.printf("config      %s  (seed %d, %d threads)%n", c.signature(), c.seed(), c.threads());
    EncodedCorpus data = encode(o, c.minCount(), c.maxVocab());
    double encodeSeconds = (System.nanoTime() - t0) / 1e9;
    SkipGramTrainer trainer = new SkipGramTrainer(c).withListener(printer(o))
        .withReportInterval(Duration.ofMillis((long) (progressSeconds * 1000)));
    if (ckpt != null) {
      trainer = trainer.withCheckpoints(ckpt, checkpointEvery);
    }
    long t = System.nanoTime();
    TrainedVectors v = resume ? trainer.resume(ckpt, data) : trainer.train(data);
    double trainSeconds = (System.nanoTime() - t) / 1e9;
    o.printf(Locale.ROOT, "trained     %,d words x %d epochs in %.1f s: %,.0f words/s%n", data.tokenCount(), c.epochs(),
        trainSeconds, data.tokenCount() * (double) c.epochs() / trainSeconds);
    return new Trained(v, encodeSeconds, trainSeconds, data.tokenCount() * c.epochs(), c.threads());
  }

  private Trained glove(PrintWriter o, Path ckpt, int nThreads, long t0) throws IOException {
    GloveConfig c;
    if (resume) {
      c = GloveTrainer.checkpointConfig(ckpt).withThreads(nThreads);
      o.println("resuming    " + ckpt + " (its stored settings are used)");
    } else {
      GloveConfig d = GloveConfig.defaults();
      c = d.withDim(or(dim, d.dim())).withWindow(or(window, d.window())).withXMax(or(xMax, d.xMax()))
          .withMinCount(or(minCount, d.minCount())).withMaxVocab(or(maxVocab, d.maxVocab()))
          .withIterations(or(epochs, d.iterations())).withThreads(nThreads).withSeed(seed)
          .withMemoryBudgetMiB(or(memoryMiB, d.memoryBudgetMiB()));
    }
    o.printf("config      %s  (seed %d, %d threads)%n", c.signature(), c.seed(), c.threads());
    EncodedCorpus data = encode(o, c.minCount(), c.maxVocab());
    double encodeSeconds = (System.nanoTime() - t0) / 1e9;
    Path tmp = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".cooccur-");
    try {
      GloveTrainer trainer = new GloveTrainer(c).withListener(printer(o))
          .withReportInterval(Duration.ofMillis((long) (progressSeconds * 1000)));
      if (ckpt != null) {
        trainer = trainer.withCheckpoints(ckpt);
      }
      long t = System.nanoTime();
      TrainedVectors v = resume ? trainer.resume(ckpt, data, tmp) : trainer.train(data, tmp);
      double trainSeconds = (System.nanoTime() - t) / 1e9;
      o.printf(Locale.ROOT, "trained     co-occurrences + %d iterations in %.1f s%n", c.iterations(), trainSeconds);
      return new Trained(v, encodeSeconds, trainSeconds, 0, c.threads());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static TrainingListener printer(PrintWriter o) {
    return new TrainingListener() {
      @Override
      public void onProgress(TrainingProgress p) {
        o.println("progress    " + p.format());
        o.flush();
      }

      @Override
      public void onCheckpoint(Path file, TrainingProgress p) {
        o.printf(Locale.ROOT, "checkpoint  %s at %.1f%%%n", file, 100 * p.fraction());
        o.flush();
      }
    };
  }

  private void writeStats(Trained r, double writeSeconds, double totalSeconds) throws IOException {
    String json = String.format(Locale.ROOT,
        "{\"method\": \"%s\", \"signature\": \"%s\", \"threads\": %d, \"vocab\": %d, \"dim\": %d,"
            + " \"encode_seconds\": %.3f, \"train_seconds\": %.3f, \"train_words\": %d,"
            + " \"write_seconds\": %.3f, \"total_seconds\": %.3f}%n",
        method, r.vectors.signature(), r.threads, r.vectors.size(), r.vectors.dim(), r.encodeSeconds,
        r.trainSeconds, r.tokens, writeSeconds, totalSeconds);
    Files.writeString(statsJson, json, StandardCharsets.UTF_8);
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** Accepts w2v-bin, w2v-text and glove. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.name().replace('_', '-').equals(value)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown format '" + value + "', expected w2v-bin, w2v-text or glove");
    }
  }
}
