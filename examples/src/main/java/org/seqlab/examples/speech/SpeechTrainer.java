package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.optim.ClipByGlobalNorm;
import org.seqlab.sequence.FusedAdam;

/**
 * Trains an {@link AcousticModel} on batches drawn from a deterministic source: step {@code s}
 * reads {@code source.batch(s)}, computes the objective, clips the global gradient norm and takes a
 * {@link FusedAdam} step. Dropout at step {@code s} uses {@code Seeds.derive(seed, s)}.
 *
 * <p>With a checkpoint file, parameters, Adam moments and the step count are saved every {@code
 * checkpointEvery} steps (atomically, versioned and checksummed), and a run started with an existing
 * checkpoint of the same settings and seed resumes from it, ending with the same parameters as an
 * uninterrupted run.
 */
public final class SpeechTrainer {
  private static final String CHECKPOINT_FORMAT = "seqlab-speech-checkpoint";

  /** One training batch. */
  public record Batch(INDArray x, int[] lengths, int[][] targets) {}

  /** Batches by step number; must return the same batch for the same step. */
  @FunctionalInterface
  public interface Source {
    Batch batch(long step);
  }

  /** The training loss of a batch from the model's logits {@code [B, T, C]}. */
  @FunctionalInterface
  public interface Objective {
    Variable loss(Variable logits, Batch batch);
  }

  /**
   * One progress report.
   *
   * @param loss mean training loss since the previous report
   */
  public record Progress(long step, long steps, double loss, double learningRate, double stepsPerSecond, double etaSeconds) {
    /** For example {@code step 200/3000  loss 0.8123  lr 1.9e-03  2.1 steps/s  ETA 22m13s}. */
    public String format() {
      long eta = Math.round(etaSeconds);
      return String.format(Locale.ROOT, "step %d/%d  loss %.4f  lr %.2e  %.2f steps/s  ETA %dm%02ds",
          step, steps, loss, learningRate, stepsPerSecond, eta / 60, eta % 60);
    }
  }

  private final TrainConfig config;
  private final Path checkpoint;
  private final int checkpointEvery;
  private final int reportEvery;
  private final Consumer<Progress> listener;

  public SpeechTrainer(TrainConfig config, int reportEvery, Consumer<Progress> listener) {
    this(config, null, 0, reportEvery, listener);
  }

  private SpeechTrainer(TrainConfig config, Path checkpoint, int every, int reportEvery, Consumer<Progress> listener) {
    this.config = Objects.requireNonNull(config, "config");
    if (reportEvery < 1) {
      throw new IllegalArgumentException("reportEvery must be >= 1, got " + reportEvery);
    }
    this.checkpoint = checkpoint;
    this.checkpointEvery = every;
    this.reportEvery = reportEvery;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Checkpoints to {@code file} every {@code every} steps and at the end, resuming from it when it exists. */
  public SpeechTrainer withCheckpoint(Path file, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1, got " + every);
    }
    return new SpeechTrainer(config, Objects.requireNonNull(file, "file"), every, reportEvery, listener);
  }

  /**
   * Trains {@code model} in place.
   *
   * @return the step the run started from (0, or the checkpoint's step when resumed)
   * @throws IOException when a checkpoint cannot be read or written, or belongs to another run
   */
  public long train(AcousticModel model, Source source, Objective objective, long seed) throws IOException {
    FusedAdam adam = new FusedAdam(config.schedule(), 0.9, 0.999, 1e-8, 0);
    long start = 0;
    if (checkpoint != null && Files.exists(checkpoint)) {
      start = resume(model, adam, seed);
    }
    double lossSum = 0;
    long lossCount = 0;
    long tick = System.nanoTime();
    long tickStep = start;
    for (long step = start; step < config.steps(); step++) {
      Batch batch = source.batch(step);
      try (Tape tape = new Tape()) {
        Variable logits = model.logits(tape, batch.x(), batch.lengths(), true, Seeds.derive(seed, step));
        Variable loss = objective.loss(logits, batch);
        tape.backward(loss);
        double v = loss.value().getDouble(0);
        if (Double.isFinite(v)) {
          lossSum += v;
          lossCount++;
        }
      }
      ClipByGlobalNorm.clip(model.parameters(), config.clipNorm());
      adam.step(model.parameters());
      long done = step + 1;
      if (done % reportEvery == 0 || done == config.steps()) {
        double secs = (System.nanoTime() - tick) / 1e9;
        double rate = (done - tickStep) / Math.max(secs, 1e-9);
        listener.accept(new Progress(done, config.steps(), lossCount == 0 ? Double.NaN : lossSum / lossCount,
            config.schedule().rate(step), rate, (config.steps() - done) / Math.max(rate, 1e-9)));
        lossSum = 0;
        lossCount = 0;
        tick = System.nanoTime();
        tickStep = done;
      }
      if (checkpoint != null && (done % checkpointEvery == 0 || done == config.steps())) {
        save(model, adam, seed, done);
      }
    }
    model.putProvenance("run.seed", Long.toString(seed));
    model.putProvenance("run.train", config.signature());
    model.putProvenance("run.optimizer", adam.signature());
    return start;
  }

  private String compatible(AcousticModel model) {
    return model.signature() + "|" + config.withSteps(1).signature();
  }

  private void save(AcousticModel model, FusedAdam adam, long seed, long step) throws IOException {
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    model.parameters().list().forEach(p -> tensors.put(p.name(), p.value()));
    adam.state().forEach((k, v) -> tensors.put("opt/" + k, v));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", CHECKPOINT_FORMAT);
    meta.put("checkpoint.compatible", compatible(model));
    meta.put("checkpoint.seed", Long.toString(seed));
    meta.put("checkpoint.step", Long.toString(step));
    meta.put("checkpoint.optimizerSteps", Long.toString(adam.steps()));
    ParameterFile.write(checkpoint, tensors, meta);
  }

  private long resume(AcousticModel model, FusedAdam adam, long seed) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(checkpoint);
    Map<String, String> m = c.metadata();
    if (!CHECKPOINT_FORMAT.equals(m.get("format"))) {
      throw new IOException(checkpoint + ": not a speech training checkpoint (format '" + m.get("format") + "')");
    }
    if (!compatible(model).equals(m.get("checkpoint.compatible")) || !Long.toString(seed).equals(m.get("checkpoint.seed"))) {
      throw new IOException(checkpoint + ": checkpoint of another run (" + m.get("checkpoint.compatible") + ", seed "
          + m.get("checkpoint.seed") + "); this run is " + compatible(model) + ", seed " + seed + ": delete it or change the path");
    }
    Map<String, INDArray> opt = new LinkedHashMap<>();
    for (var p : model.parameters().list()) {
      INDArray v = c.tensors().get(p.name());
      if (v == null || !Arrays.equals(v.shape(), p.shape())) {
        throw new IOException(checkpoint + ": tensor '" + p.name() + "' is missing or has the wrong shape");
      }
      p.value().assign(v.castTo(p.value().dataType()));
    }
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("opt/")) {
        opt.put(k.substring(4), v);
      }
    });
    adam.loadState(opt, Long.parseLong(m.get("checkpoint.optimizerSteps")));
    return Long.parseLong(m.get("checkpoint.step"));
  }
}
