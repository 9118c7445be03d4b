package org.seqlab.attention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.optim.ClipByGlobalNorm;
import org.seqlab.corpora.batch.Batcher;
import org.seqlab.corpora.batch.BatcherConfig;
import org.seqlab.corpora.batch.SequenceData;
import org.seqlab.sequence.FusedAdam;
import org.seqlab.sequence.TrainingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link Seq2SeqModel} with teacher forcing: per step, the mean cross-entropy of a
 * length-bucketed batch, backward, clipping by global norm, Adam ({@link FusedAdam}) with warm-up
 * and cosine decay.
 *
 * <p>Everything stochastic derives from the run seed: initialisation, the batches of epoch {@code
 * e} ({@code Seeds.derive(seed, "epoch") + e}) and dropout at step {@code s}. With a checkpoint file the
 * trainer saves parameters, Adam moments and the step count every {@code every} steps and at each
 * epoch end; a run started on an existing checkpoint resumes at its step and, the batches being a
 * function of the seed, ends with the same parameters as an uninterrupted run. A time limit stops
 * training cleanly (checkpoint written) so that a later run can continue.
 */
public final class Seq2SeqTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(Seq2SeqTrainer.class);
  private final Seq2SeqConfig model;
  private final Seq2SeqTrainerConfig config;
  private final Path checkpoint;
  private final int checkpointEvery;
  private final int reportEvery;
  private final Consumer<TrainingProgress> listener;
  private final Duration timeLimit;
  private final long stepLimit;
  private final Seq2SeqModel initial;

  public Seq2SeqTrainer(Seq2SeqConfig model, Seq2SeqTrainerConfig config) {
    this(model, config, null, 0, 100, p -> {}, null, Long.MAX_VALUE, null);
  }

  private Seq2SeqTrainer(Seq2SeqConfig model, Seq2SeqTrainerConfig config, Path checkpoint, int every, int reportEvery,
      Consumer<TrainingProgress> listener, Duration timeLimit, long stepLimit, Seq2SeqModel initial) {
    this.model = Objects.requireNonNull(model, "model");
    this.config = Objects.requireNonNull(config, "config");
    this.checkpoint = checkpoint;
    this.checkpointEvery = every;
    this.reportEvery = reportEvery;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.timeLimit = timeLimit;
    this.stepLimit = stepLimit;
    this.initial = initial;
  }

  /**
   * Starts from the parameters of a trained model instead of a fresh initialisation (fine-tuning, or
   * training on past a finished schedule with a new one). The model must have this trainer's
   * architecture and the training data's vocabularies; the optimizer starts afresh.
   */
  public Seq2SeqTrainer withInitialModel(Seq2SeqModel m) {
    return new Seq2SeqTrainer(model, config, checkpoint, checkpointEvery, reportEvery, listener, timeLimit, stepLimit,
        Objects.requireNonNull(m, "m"));
  }

  /** Checkpoints to {@code file} every {@code every} steps and at each epoch end, resuming from it if it exists. */
  public Seq2SeqTrainer withCheckpoint(Path file, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1, got " + every);
    }
    return new Seq2SeqTrainer(model, config, Objects.requireNonNull(file, "file"), every, reportEvery, listener, timeLimit, stepLimit, initial);
  }

  /** Reports every {@code every} steps and after each validation. */
  public Seq2SeqTrainer withProgress(int every, Consumer<TrainingProgress> listener) {
    if (every < 1) {
      throw new IllegalArgumentException("report interval must be >= 1, got " + every);
    }
    return new Seq2SeqTrainer(model, config, checkpoint, checkpointEvery, every, listener, timeLimit, stepLimit, initial);
  }

  /** Stops after {@code limit} of training in this run (a checkpoint, if configured, lets a later run go on). */
  public Seq2SeqTrainer withTimeLimit(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive, got " + limit);
    }
    return new Seq2SeqTrainer(model, config, checkpoint, checkpointEvery, reportEvery, listener, limit, stepLimit, initial);
  }

  /** Stops after {@code steps} optimizer steps in this run (a checkpoint, if configured, lets a later run go on). */
  public Seq2SeqTrainer withStepLimit(long steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("step limit must be >= 1, got " + steps);
    }
    return new Seq2SeqTrainer(model, config, checkpoint, checkpointEvery, reportEvery, listener, timeLimit, steps, initial);
  }

  /**
   * Trains a model.
   *
   * @param train training pairs (their vocabularies become the model's)
   * @param validation scored after every epoch, or null
   */
  public Seq2SeqModel train(Seq2SeqData train, Seq2SeqData validation, long seed) throws IOException {
    List<int[]> src = new ArrayList<>();
    List<int[]> tgt = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      if (train.sources().get(i).length <= config.maxLength() && train.targets().get(i).length < config.maxLength()) {
        src.add(train.sources().get(i));
        tgt.add(train.targets().get(i));
      }
    }
    if (src.isEmpty()) {
      throw new IllegalArgumentException("no training pair has at most " + config.maxLength() + " tokens per side");
    }
    SequenceData data = SequenceData.of(src, 0).withTargets(tgt);
    Batcher batcher = new Batcher(BatcherConfig.of(config.batchSize()).withPoolFactor(50).withShuffle(true));
    int perEpoch = batcher.plan(data, 0).size();
    long total = (long) perEpoch * config.epochs();
    Seq2SeqNetwork net = new Seq2SeqNetwork(model, train.sourceVocabulary().size(), train.targetVocabulary().size(),
        DataType.FLOAT, Seeds.derive(seed, "init"));
    Seq2SeqModel result = new Seq2SeqModel(net, train.sourceVocabulary(), train.targetVocabulary(),
        train.sourceSegmentation(), train.targetSegmentation(), Map.of());
    if (initial != null) {
      if (!initial.config().signature().equals(model.signature())) {
        throw new IllegalArgumentException("the initial model is " + initial.config().signature() + ", this trainer builds "
            + model.signature());
      }
      if (!initial.sourceVocabulary().checksum().equals(train.sourceVocabulary().checksum())
          || !initial.targetVocabulary().checksum().equals(train.targetVocabulary().checksum())) {
        throw new IllegalArgumentException("the initial model's vocabularies (" + initial.sourceVocabulary().size() + " / "
            + initial.targetVocabulary().size() + " tokens) are not those of the training data ("
            + train.sourceVocabulary().size() + " / " + train.targetVocabulary().size() + ")");
      }
      for (org.seqlab.core.Parameter p : net.params.list()) {
        p.value().assign(initial.network().params.get(p.name()).value());
      }
    }
    FusedAdam adam = new FusedAdam(config.schedule(total), 0.9, 0.999, 1e-8, 0);
    TrainingCheckpoint ckpt = checkpoint == null ? null : new TrainingCheckpoint(checkpoint, model, config, result, seed);
    long step = 0;
    double previousSeconds = 0;
    if (ckpt != null && Files.exists(checkpoint)) {
      TrainingCheckpoint.Resumed r = ckpt.restore(net, adam);
      step = r.step();
      previousSeconds = r.seconds();
      LOG.info("resumed {} at step {} of {}", checkpoint, step, total);
    }
    LOG.info("training {} ({} parameters) on {} pairs, {} steps/epoch, {}, seed {}", model.signature(),
        net.params.count(), src.size(), perEpoch, config.signature(), seed);
    Meter meter = new Meter(step, total);
    double lastVal = Double.NaN;
    List<int[]> plan = null;
    while (step < total) {
      int epoch = (int) (step / perEpoch);
      if (step % perEpoch == 0 || plan == null) {
        plan = batcher.plan(data, Seeds.derive(seed, "epoch") + epoch);
      }
      Seq2SeqBatch batch = batch(plan.get((int) (step % perEpoch)), src, tgt);
      try (Tape tape = new Tape()) {
        Variable loss = net.loss(tape, batch, true, Seeds.derive(seed, step));
        tape.backward(loss);
        meter.add(loss.value().getDouble(0), batch.targetTokens());
      }
      ClipByGlobalNorm.clip(net.params, config.clipNorm());
      adam.step(net.params);
      step++;
      boolean epochEnd = step % perEpoch == 0;
      if (epochEnd && validation != null) {
        lastVal = result.evaluate(validation.sources(), validation.targets());
        LOG.info("epoch {}/{}: validation {} nats/token (perplexity {})", step / perEpoch, config.epochs(),
            String.format(Locale.ROOT, "%.4f", lastVal), String.format(Locale.ROOT, "%.2f", Math.exp(lastVal)));
      }
      boolean stop = meter.outOfTime(timeLimit) || meter.runSteps() >= stepLimit;
      if (step % reportEvery == 0 || epochEnd || step == total || stop) {
        listener.accept(meter.report(step, epochEnd && validation != null ? lastVal : Double.NaN));
      }
      if (ckpt != null && (step % checkpointEvery == 0 || epochEnd || step == total || stop)) {
        ckpt.save(net, adam, step, previousSeconds + meter.seconds());
      }
      if (stop && step < total) {
        LOG.info("time or step limit reached at step {} of {}", step, total);
        break;
      }
    }
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("run.seed", Long.toString(seed));
    prov.put("run.steps", Long.toString(step));
    prov.put("run.totalSteps", Long.toString(total));
    prov.put("run.train.signature", config.signature());
    prov.put("run.optimizer", adam.signature());
    prov.put("run.train.pairs", Integer.toString(src.size()));
    prov.put("run.seconds", String.format(Locale.ROOT, "%.1f", previousSeconds + meter.seconds()));
    if (validation != null) {
      double val = Double.isNaN(lastVal) ? result.evaluate(validation.sources(), validation.targets()) : lastVal;
      prov.put("run.validation.nats", Double.toString(val));
    }
    return new Seq2SeqModel(net, train.sourceVocabulary(), train.targetVocabulary(), train.sourceSegmentation(),
        train.targetSegmentation(), prov);
  }

  private static Seq2SeqBatch batch(int[] rows, List<int[]> src, List<int[]> tgt) {
    List<int[]> bs = new ArrayList<>(rows.length);
    List<int[]> bt = new ArrayList<>(rows.length);
    for (int r : rows) {
      bs.add(src.get(r));
      bt.add(tgt.get(r));
    }
    return Seq2SeqBatch.of(bs, bt);
  }

  /** Loss, throughput and ETA between reports, and the time of this run. */
  private static final class Meter {
    private final long total;
    private final long start = System.nanoTime();
    private final long firstStep;
    private long tick = start;
    private long tickStep;
    private long runSteps;
    private double lossSum;
    private long tokens;

    Meter(long step, long total) {
      this.total = total;
      this.firstStep = step;
      this.tickStep = step;
    }

    void add(double meanLoss, long batchTokens) {
      lossSum += meanLoss * batchTokens;
      tokens += batchTokens;
      runSteps++;
    }

    long runSteps() {
      return runSteps;
    }

    double seconds() {
      return (System.nanoTime() - start) / 1e9;
    }

    boolean outOfTime(Duration limit) {
      return limit != null && System.nanoTime() - start >= limit.toNanos();
    }

    TrainingProgress report(long step, double validation) {
      long now = System.nanoTime();
      double secs = Math.max((now - tick) / 1e9, 1e-9);
      double stepsPerSec = (step - tickStep) / secs;
      TrainingProgress p = new TrainingProgress(step, total, lossSum / Math.max(1, tokens), validation, tokens / secs,
          (total - step) / Math.max(stepsPerSec, 1e-9));
      LOG.info("{}", p.format());
      lossSum = 0;
      tokens = 0;
      tick = now;
      tickStep = step;
      return p;
    }

    @Override
    public String toString() {
      return "Meter[" + firstStep + " -> " + total + "]";
    }
  }
}
