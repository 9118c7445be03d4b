package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.optim.ClipByGlobalNorm;
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
    int b = config.batchSize();
    int t = config.bpttLength();
    int streamLen = (ids.length - 1) / b;
    int windows = streamLen / t;
    if (windows < 1) {
      throw new IllegalArgumentException(
          "training text of " + ids.length + " characters is too short for " + b + " streams of " + t + " steps");
    }
    LanguageModel lm = new LanguageModel(config.model(vocab.size()), DataType.FLOAT, seed);
    FusedAdam adam = new FusedAdam(config.schedule(), 0.9, 0.999, 1e-8, 0);
    List<CellState> state = null;
    long start = 0;
    if (checkpoint != null && Files.exists(checkpoint)) {
      Resumed r = resume(lm, adam, vocab, seed);
      start = r.step;
      state = r.state;
      LOG.info("resumed {} at step {}", checkpoint, start);
    }
    int[] valIds = validationText == null ? null : vocab.encode(validationText);
    double lastVal = Double.NaN;
    double lossSum = 0;
    long lossSteps = 0;
    long tick = System.nanoTime();
    long tickStep = start;
    for (long step = start; step < config.steps(); step++) {
      int window = (int) (step % windows);
      if (window == 0) {
        state = null; // a new pass over the text starts from zero states
      }
      int[][] x = new int[b][t];
      int[][] y = new int[b][t];
      for (int i = 0; i < b; i++) {
        int off = i * streamLen + window * t;
        System.arraycopy(ids, off, x[i], 0, t);
        System.arraycopy(ids, off + 1, y[i], 0, t);
      }
      try (Tape tape = new Tape()) {
        LanguageModel.Output out = lm.loss(
            tape, x, y, null, state == null ? null : LanguageModel.constants(tape, state), true, Seeds.derive(seed, step));
        tape.backward(out.loss());
        lossSum += out.loss().value().getDouble(0);
        lossSteps++;
        state = out.finalStates();
      }
      ClipByGlobalNorm.clip(lm.parameters(), config.clipNorm());
      adam.step(lm.parameters());
      long done = step + 1;
      boolean validate = valIds != null && config.evalEvery() > 0 && done % config.evalEvery() == 0 && done < config.steps();
      if (validate) {
        lastVal = CharLanguageModel.evaluate(lm, head(valIds, config.evalChars()));
      }
      if (done % reportEvery == 0 || validate || done == config.steps()) {
        double secs = (System.nanoTime() - tick) / 1e9;
        double tps = (done - tickStep) * (double) b * t / Math.max(secs, 1e-9);
        double eta = (config.steps() - done) * (double) b * t / Math.max(tps, 1e-9);
        TrainingProgress p = new TrainingProgress(done, config.steps(), lossSum / lossSteps, validate ? lastVal : Double.NaN, tps, eta);
        LOG.info("{}", p.format());
        listener.accept(p);
        lossSum = 0;
        lossSteps = 0;
        tick = System.nanoTime();
        tickStep = done;
      }
      if (checkpoint != null && (done % checkpointEvery == 0 || done == config.steps())) {
        saveCheckpoint(lm, adam, vocab, seed, done, state);
      }
    }
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("run.seed", Long.toString(seed));
    prov.put("run.steps", Integer.toString(config.steps()));
    prov.put("run.optimizer", adam.signature());
    if (valIds != null && valIds.length >= 2) {
      double val = CharLanguageModel.evaluate(lm, valIds);
      prov.put("run.validation.nats", Double.toString(val));
      LOG.info("final validation loss {} nats/char ({} bits/char) over {} characters", val, val / Math.log(2), valIds.length);
    }
    return new CharLanguageModel(config, vocab, lm, prov);
  }

  private static int[] head(int[] ids, int n) {
    return n == 0 || n >= ids.length ? ids : java.util.Arrays.copyOf(ids, n);
  }

  private void saveCheckpoint(LanguageModel lm, FusedAdam adam, CharVocabulary vocab, long seed, long step, List<CellState> state)
      throws IOException {
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    lm.parameters().list().forEach(p -> tensors.put(p.name(), p.value()));
    adam.state().forEach((k, v) -> tensors.put("opt/" + k, v));
    if (state != null) {
      for (int l = 0; l < state.size(); l++) {
        tensors.put("state/" + l + "/h", state.get(l).h().value());
        if (state.get(l).c() != null) {
          tensors.put("state/" + l + "/c", state.get(l).c().value());
        }
      }
    }
    Map<String, String> meta = CharLanguageModel.metadata(config, vocab, Map.of());
    meta.put("format", CHECKPOINT_FORMAT);
    meta.put("checkpoint.seed", Long.toString(seed));
    meta.put("checkpoint.compatible", config.withSteps(1).signature());
    meta.put("checkpoint.step", Long.toString(step));
    meta.put("checkpoint.optimizerSteps", Long.toString(adam.steps()));
    ParameterFile.write(checkpoint, tensors, meta);
  }

  private record Resumed(long step, List<CellState> state) {}

  private Resumed resume(LanguageModel lm, FusedAdam adam, CharVocabulary vocab, long seed) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(checkpoint);
    Map<String, String> m = c.metadata();
    if (!CHECKPOINT_FORMAT.equals(m.get("format"))) {
      throw new IOException(checkpoint + ": not a character LM checkpoint (format '" + m.get("format") + "')");
    }
    if (!config.withSteps(1).signature().equals(m.get("checkpoint.compatible")) || !vocab.serialize().equals(m.get("vocab"))
        || !Long.toString(seed).equals(m.get("checkpoint.seed"))) {
      throw new IOException(checkpoint + ": checkpoint of another run (" + m.get("config.signature") + ", seed "
          + m.get("checkpoint.seed") + "); this run is " + config.signature() + ", seed " + seed + " — delete it or change the path");
    }
    Map<String, INDArray> opt = new LinkedHashMap<>();
    for (var p : lm.parameters().list()) {
      INDArray v = c.tensors().get(p.name());
      if (v == null || !java.util.Arrays.equals(v.shape(), p.shape())) {
        throw new IOException(checkpoint + ": tensor '" + p.name() + "' is missing or has the wrong shape");
      }
      p.value().assign(v);
    }
    List<CellState> state = new ArrayList<>();
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("opt/")) {
        opt.put(k.substring(4), v);
      }
    });
    for (int l = 0; c.tensors().containsKey("state/" + l + "/h"); l++) {
      INDArray h = c.tensors().get("state/" + l + "/h");
      INDArray cc = c.tensors().get("state/" + l + "/c");
      try (Tape tape = new Tape()) {
        state.add(new CellState(tape.constant(h), cc == null ? null : tape.constant(cc)));
      }
    }
    adam.loadState(opt, Long.parseLong(m.get("checkpoint.optimizerSteps")));
    return new Resumed(Long.parseLong(m.get("checkpoint.step")), state.isEmpty() ? null : state);
  }
}
