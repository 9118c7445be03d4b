package org.seqlab.attention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  public Seq2SeqTrainer(Seq2SeqConfig model, Seq2SeqTrainerConfig config) {
    this(model, config, null, 0, 100, p -> {}, null, Long.MAX_VALUE);
  }

  private Seq2SeqTrainer(Seq2SeqConfig model, Seq2SeqTrainerConfig config, Path checkpoint, int every, int reportEvery,
      Consumer<TrainingProgress> listener, Duration timeLimit, long stepLimit) {
    this.model = Objects.requireNonNull(model, "model");
    this.config = Objects.requireNonNull(config, "config");
    this.checkpoint = checkpoint;
    this.checkpointEvery = every;
    this.reportEvery = reportEvery;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.timeLimit = timeLimit;
    this.stepLimit = stepLimit;
  }

  /** Checkpoints to {@code file} every {@code every} steps and at each epoch end, resuming from it if it exists. */
  public Seq2SeqTrainer withCheckpoint(Path file, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1, got " + every);
    }
    return new Seq2SeqTrainer(model, config, Objects.requireNonNull(file, "file"), every, reportEvery, listener, timeLimit, stepLimit);
  }

  /** Reports every {@code every} steps and after each validation. */
  public Seq2SeqTrainer withProgress(int every, Consumer<TrainingProgress> listener) {
    if (every < 1) {
      throw new IllegalArgumentException("report interval must be >= 1, got " + every);
    }
    return new Seq2SeqTrainer(model, config, checkpoint, checkpointEvery, every, listener, timeLimit, stepLimit);
  }

  /** Stops after {@code limit} of training in this run (a checkpoint, if configured, lets a later run go on). */
  public Seq2SeqTrainer withTimeLimit(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive, got " + limit);
    }
    return new Seq2SeqTrainer(model, config, checkpoint, checkpointEvery, reportEvery, listener, limit, stepLimit);
  }

  /** Stops after {@code steps} optimizer steps in this run (a checkpoint, if configured, lets a later run go on). */
  public Seq2SeqTrainer withStepLimit(long steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("step limit must be >= 1, got " + steps);
    }
    return new Seq2SeqTrainer(model, config, checkpoint, checkpointEvery, reportEvery, listener, timeLimit, steps);
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
    FusedAdam adam = new FusedAdam(config.schedule(total), 0.9, 0.999, 1e-8, 0);
    TrainingCheckpoint ckpt = checkpoint == null ? null : new TrainingCheckpoint(checkpoint, model, config, result, seed);
    long step = 0;
    double seconds = 0;
    if (ckpt != null && Files.exists(checkpoint)) {
      TrainingCheckpoint.Resumed r = ckpt.restore(net, adam);
      step = r.step();
      seconds = r.seconds();
      LOG.info("resumed {} at step {} of {}", checkpoint, step, total);
    }
    LOG.info("training {} ({} parameters) on {} pairs, {} steps/epoch, {}, seed {}", model.signature(),
        net.params.count(), src.size(), perEpoch, config.signature(), seed);
    long runStart = System.nanoTime();
    long tick = runStart;
    long tickStep = step;
    long runSteps = 0;
    long tickTokens = 0;
    double lossSum = 0;
    long lossTokens = 0;
    double lastVal = Double.NaN;
    long epochSeed = Seeds.derive(seed, "epoch");
    List<int[]> plan = null;
    int planEpoch = -1;
    while (step < total) {
      int epoch = (int) (step / perEpoch);
      if (epoch != planEpoch) {
        plan = batcher.plan(data, epochSeed + epoch);
        planEpoch = epoch;
      }
      int[] rows = plan.get((int) (step % perEpoch));
      List<int[]> bs = new ArrayList<>(rows.length);
      List<int[]> bt = new ArrayList<>(rows.length);
      for (int r : rows) {
        bs.add(src.get(r));
        bt.add(tgt.get(r));
      }
      Seq2SeqBatch batch = Seq2SeqBatch.of(bs, bt);
      try (Tape tape = new Tape()) {
        Variable loss = net.loss(tape, batch, true, Seeds.derive(seed, step));
        tape.backward(loss);
        lossSum += loss.value().getDouble(0) * batch.targetTokens();
      }
      lossTokens += batch.targetTokens();
      tickTokens += batch.targetTokens();
      ClipByGlobalNorm.clip(net.params, config.clipNorm());
      adam.step(net.params);
      step++;
      boolean epochEnd = step % perEpoch == 0;
      if (epochEnd && validation != null) {
        lastVal = result.evaluate(validation.sources(), validation.targets());
        LOG.info("epoch {}/{}: validation {} nats/token (perplexity {})", step / perEpoch, config.epochs(),
            String.format(java.util.Locale.ROOT, "%.4f", lastVal), String.format(java.util.Locale.ROOT, "%.2f", Math.exp(lastVal)));
      }
      long now = System.nanoTime();
      boolean outOfTime = (timeLimit != null && now - runStart >= timeLimit.toNanos()) || ++runSteps >= stepLimit;
      if (step % reportEvery == 0 || epochEnd || step == total || outOfTime) {
        double secs = (now - tick) / 1e9;
        double tps = tickTokens / Math.max(secs, 1e-9);
        double stepsPerSec = (step - tickStep) / Math.max(secs, 1e-9);
        double eta = (total - step) / Math.max(stepsPerSec, 1e-9);
        TrainingProgress p = new TrainingProgress(step, total, lossSum / Math.max(1, lossTokens),
            epochEnd && validation != null ? lastVal : Double.NaN, tps, eta);
        LOG.info("{}", p.format());
        listener.accept(p);
        lossSum = 0;
        lossTokens = 0;
        tickTokens = 0;
        tick = now;
        tickStep = step;
      }
      if (ckpt != null && (step % checkpointEvery == 0 || epochEnd || step == total || outOfTime)) {
        ckpt.save(net, adam, step, seconds + (System.nanoTime() - runStart) / 1e9);
      }
      if (outOfTime && step < total) {
        LOG.info("time or step limit reached at step {} of {}", step, total);
        break;
      }
    }
    seconds += (System.nanoTime() - runStart) / 1e9;
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("run.seed", Long.toString(seed));
    prov.put("run.steps", Long.toString(step));
    prov.put("run.totalSteps", Long.toString(total));
    prov.put("run.train.signature", config.signature());
    prov.put("run.optimizer", adam.signature());
    prov.put("run.train.pairs", Integer.toString(src.size()));
    prov.put("run.seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
    if (validation != null) {
      double val = Double.isNaN(lastVal) ? result.evaluate(validation.sources(), validation.targets()) : lastVal;
      prov.put("run.validation.nats", Double.toString(val));
    }
    return new Seq2SeqModel(net, train.sourceVocabulary(), train.targetVocabulary(), train.sourceSegmentation(),
        train.targetSegmentation(), prov);
  }
}
