package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.optim.ClipByGlobalNorm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The truncated back-propagation-through-time loop shared by {@link CharLmTrainer} and {@link
 * WordLmTrainer}: a stream of ids cut into {@code batchSize} contiguous streams, one window of
 * {@code bpttLength} ids per stream and step, states carried (detached) across windows and reset at
 * every pass, clipping, {@link FusedAdam}, periodic validation, progress and checkpoints.
 *
 * <p>A checkpoint holds the parameters, the Adam moments ({@code opt/...}), the carried states
 * ({@code state/l/h}, {@code state/l/c}) and metadata: the model metadata given by the caller (with
 * its {@code vocab}), {@code format}, {@code checkpoint.seed}, {@code checkpoint.compatible} (the
 * config signature without the step count), {@code checkpoint.step} and {@code
 * checkpoint.optimizerSteps}. A run resumes only from a checkpoint of the same format, compatible
 * config, vocabulary and seed.
 */
final class StreamTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(StreamTrainer.class);

  /**
   * What the checkpoint of one kind of model looks like.
   *
   * @param format the checkpoint's {@code format} value
   * @param metadata model metadata (including {@code vocab}) copied into every checkpoint
   * @param compatible identifies runs that may resume each other (config without steps)
   * @param signature the full config signature, for messages
   */
  record Checkpointing(String format, Map<String, String> metadata, String compatible, String signature) {}

  /** Where and how often to checkpoint and report. */
  record Run(Path checkpoint, int checkpointEvery, int reportEvery, Consumer<TrainingProgress> listener) {}

  private StreamTrainer() {}

  /**
   * Trains {@code lm} in place.
   *
   * @param ids the training stream
   * @param valIds the validation stream, or null
   * @return the final validation loss in nats per id over all of {@code valIds}, or NaN without one
   */
  static double train(
      LanguageModel lm, CharLmConfig config, int[] ids, int[] valIds, long seed, Run run, Checkpointing ck)
      throws IOException {
    int b = config.batchSize();
    int t = config.bpttLength();
    int streamLen = (ids.length - 1) / b;
    int windows = streamLen / t;
    if (windows < 1) {
      throw new IllegalArgumentException(
          "training stream of " + ids.length + " ids is too short for " + b + " streams of " + t + " steps");
    }
    FusedAdam adam = new FusedAdam(config.schedule(), 0.9, 0.999, 1e-8, 0);
    List<CellState> state = null;
    long start = 0;
    if (run.checkpoint() != null && Files.exists(run.checkpoint())) {
      Resumed r = resume(run.checkpoint(), lm, adam, seed, ck);
      start = r.step;
      state = r.state;
      LOG.info("resumed {} at step {}", run.checkpoint(), start);
    }
    double lossSum = 0;
    long lossSteps = 0;
    long tick = System.nanoTime();
    long tickStep = start;
    for (long step = start; step < config.steps(); step++) {
      int window = (int) (step % windows);
      if (window == 0) {
        state = null; // a new pass over the stream starts from zero states
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
      double val = validate ? CharLanguageModel.evaluate(lm, head(valIds, config.evalChars())) : Double.NaN;
      if (done % run.reportEvery() == 0 || validate || done == config.steps()) {
        double secs = (System.nanoTime() - tick) / 1e9;
        double tps = (done - tickStep) * (double) b * t / Math.max(secs, 1e-9);
        double eta = (config.steps() - done) * (double) b * t / Math.max(tps, 1e-9);
        TrainingProgress p = new TrainingProgress(done, config.steps(), lossSum / lossSteps, val, tps, eta);
        LOG.debug("{}", p.format());
        run.listener().accept(p);
        lossSum = 0;
        lossSteps = 0;
        tick = System.nanoTime();
        tickStep = done;
      }
      if (run.checkpoint() != null && (done % run.checkpointEvery() == 0 || done == config.steps())) {
        save(run.checkpoint(), lm, adam, seed, done, state, ck);
      }
    }
    if (valIds == null || valIds.length < 2) {
      return Double.NaN;
    }
    return CharLanguageModel.evaluate(lm, valIds);
  }

  private static int[] head(int[] ids, int n) {
    return n == 0 || n >= ids.length ? ids : Arrays.copyOf(ids, n);
  }

  private static void save(
      Path file, LanguageModel lm, FusedAdam adam, long seed, long step, List<CellState> state, Checkpointing ck)
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
    Map<String, String> meta = new LinkedHashMap<>(ck.metadata());
    meta.put("format", ck.format());
    meta.put("checkpoint.seed", Long.toString(seed));
    meta.put("checkpoint.compatible", ck.compatible());
    meta.put("checkpoint.step", Long.toString(step));
    meta.put("checkpoint.optimizerSteps", Long.toString(adam.steps()));
    ParameterFile.write(file, tensors, meta);
  }

  private record Resumed(long step, List<CellState> state) {}

  private static Resumed resume(Path file, LanguageModel lm, FusedAdam adam, long seed, Checkpointing ck) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(file);
    Map<String, String> m = c.metadata();
    if (!ck.format().equals(m.get("format"))) {
      throw new IOException(file + ": not a " + ck.format() + " file (format '" + m.get("format") + "')");
    }
    if (!ck.compatible().equals(m.get("checkpoint.compatible"))
        || !String.valueOf(ck.metadata().get("vocab")).equals(m.get("vocab"))
        || !Long.toString(seed).equals(m.get("checkpoint.seed"))) {
      throw new IOException(file + ": checkpoint of another run (" + m.get("config.signature") + ", seed "
          + m.get("checkpoint.seed") + "); this run is " + ck.signature() + ", seed " + seed
          + " (same settings, vocabulary and seed needed) — delete it or change the path");
    }
    for (var p : lm.parameters().list()) {
      INDArray v = c.tensors().get(p.name());
      if (v == null || !Arrays.equals(v.shape(), p.shape())) {
        throw new IOException(file + ": tensor '" + p.name() + "' is missing or has the wrong shape");
      }
      p.value().assign(v);
    }
    Map<String, INDArray> opt = new LinkedHashMap<>();
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("opt/")) {
        opt.put(k.substring(4), v);
      }
    });
    List<CellState> state = new ArrayList<>();
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
