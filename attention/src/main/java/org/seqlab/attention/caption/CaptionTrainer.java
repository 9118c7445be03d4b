package org.seqlab.attention.caption;

import java.awt.image.BufferedImage;
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
import org.seqlab.core.Parameter;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.optim.ClipByGlobalNorm;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.sequence.FusedAdam;
import org.seqlab.sequence.TrainingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link CaptionModel} on synthetic scenes.
 *
 * <p>Step {@code s} renders training scenes {@code [s B, (s + 1) B)} of a {@link SceneGenerator}
 * seeded with the run seed (each scene is a pure function of the seed and its index, and draws one
 * of its captions), computes the teacher-forced cross-entropy, clips the global gradient norm and
 * takes an Adam step ({@link FusedAdam}, warm-up then cosine decay). Initialisation and dropout
 * derive from the same seed, so a run is reproducible. Validation (every {@code evalEvery} steps and
 * at the end) reports the loss on held-out {@link SceneSplit#TEST} scenes.
 *
 * <p>With a checkpoint file the trainer saves parameters (batch-norm statistics included), Adam
 * moments and the step count every {@code checkpointEvery} steps and at the end; a run started with
 * an existing checkpoint of the same configuration and seed resumes there and ends with the same
 * parameters as an uninterrupted run.
 */
public final class CaptionTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(CaptionTrainer.class);
  private static final String CHECKPOINT_FORMAT = "seqlab-caption-checkpoint";

  private final CaptionModelConfig model;
  private final CaptionTrainConfig train;
  private final SceneConfig scenes;
  private final Path checkpoint;
  private final int checkpointEvery;
  private final int reportEvery;
  private final Consumer<TrainingProgress> listener;

  public CaptionTrainer(CaptionModelConfig model, CaptionTrainConfig train, SceneConfig scenes) {
    this(model, train, scenes, null, 0, 50, p -> {});
  }

  private CaptionTrainer(CaptionModelConfig model, CaptionTrainConfig train, SceneConfig scenes, Path checkpoint,
      int checkpointEvery, int reportEvery, Consumer<TrainingProgress> listener) {
    this.model = Objects.requireNonNull(model, "model");
    this.train = Objects.requireNonNull(train, "train");
    this.scenes = Objects.requireNonNull(scenes, "scenes");
    this.checkpoint = checkpoint;
    this.checkpointEvery = checkpointEvery;
    this.reportEvery = reportEvery;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Saves a checkpoint every {@code every} steps (and at the end) to {@code file}, resuming from it if it exists. */
  public CaptionTrainer withCheckpoint(Path file, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1, got " + every);
    }
    return new CaptionTrainer(model, train, scenes, Objects.requireNonNull(file, "file"), every, reportEvery, listener);
  }

  /** Reports progress every {@code every} steps (and at every validation) to {@code listener}, besides the log. */
  public CaptionTrainer withProgress(int every, Consumer<TrainingProgress> listener) {
    if (every < 1) {
      throw new IllegalArgumentException("report interval must be >= 1, got " + every);
    }
    return new CaptionTrainer(model, train, scenes, checkpoint, checkpointEvery, every, listener);
  }

  /**
   * Trains a model.
   *
   * @throws IOException when a checkpoint cannot be read or written
   */
  public CaptionModel train(long seed) throws IOException {
    Vocabulary vocab = CaptionVocabulary.standard();
    CaptionNetwork net = new CaptionNetwork(model, vocab.size(), DataType.FLOAT, Seeds.derive(seed, "init"));
    FusedAdam adam = new FusedAdam(train.schedule(), 0.9, 0.999, 1e-8, 0);
    SceneGenerator gen = new SceneGenerator(scenes, seed);
    long start = 0;
    if (checkpoint != null && Files.exists(checkpoint)) {
      start = resume(net, adam, seed);
      LOG.info("resumed {} at step {}", checkpoint, start);
    }
    CaptionBatch validation = batch(gen, SceneSplit.TEST, 0, train.validationScenes(), vocab, model.imageSize());
    long began = System.nanoTime();
    double lossSum = 0;
    long lossSteps = 0;
    long tokens = 0;
    long tick = System.nanoTime();
    double lastVal = Double.NaN;
    for (long step = start; step < train.steps(); step++) {
      CaptionBatch b = batch(gen, SceneSplit.TRAIN, step * train.batchSize(), train.batchSize(), vocab, model.imageSize());
      try (Tape tape = new Tape()) {
        var loss = net.loss(tape, b.pixels(), b.inputs(), b.targets(), b.mask(), true, Seeds.derive(seed, step));
        tape.backward(loss);
        lossSum += loss.value().getDouble(0);
      }
      lossSteps++;
      tokens += b.tokens();
      ClipByGlobalNorm.clip(net.params, train.clipNorm());
      adam.step(net.params);
      long done = step + 1;
      boolean validate = (train.evalEvery() > 0 && done % train.evalEvery() == 0) || done == train.steps();
      if (validate) {
        lastVal = validationLoss(net, validation);
      }
      if (done % reportEvery == 0 || validate) {
        double secs = Math.max((System.nanoTime() - tick) / 1e9, 1e-9);
        double tps = tokens / secs;
        double eta = (train.steps() - done) * secs / lossSteps;
        TrainingProgress p = new TrainingProgress(done, train.steps(), lossSum / lossSteps, validate ? lastVal : Double.NaN, tps, eta);
        LOG.info("{}", p.format());
        listener.accept(p);
        lossSum = 0;
        lossSteps = 0;
        tokens = 0;
        tick = System.nanoTime();
      }
      if (checkpoint != null && (done % checkpointEvery == 0 || done == train.steps())) {
        saveCheckpoint(net, adam, seed, done);
      }
    }
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("run.seed", Long.toString(seed));
    prov.put("run.train", train.signature());
    prov.put("run.scenes", scenes.signature());
    prov.put("run.optimizer", adam.signature());
    prov.put("run.validation.nats", Double.toString(lastVal));
    prov.put("run.seconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - began) / 1e9));
    return new CaptionModel(net, vocab, prov);
  }

  /** Scenes {@code [from, from + n)} of {@code split}, resized to {@code size} pixels. */
  static CaptionBatch batch(SceneGenerator gen, SceneSplit split, long from, int n, Vocabulary vocab, int size) {
    List<BufferedImage> images = new ArrayList<>(n);
    List<String> captions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SceneGenerator.Example e = gen.example(split, from + i);
      images.add(e.image());
      captions.add(e.caption());
    }
    return CaptionBatch.of(images, captions, vocab, size, DataType.FLOAT);
  }

  /** Validation loss in nats per token, inference mode (running batch statistics, no dropout). */
  private static double validationLoss(CaptionNetwork net, CaptionBatch v) {
    try (Tape tape = new Tape()) {
      return net.loss(tape, v.pixels(), v.inputs(), v.targets(), v.mask(), false, 0).value().getDouble(0);
    }
  }

  private String compatibility(long seed) {
    return model.signature() + "|" + train.withSteps(1).signature() + "|" + scenes.signature() + "|seed:" + seed;
  }

  private void saveCheckpoint(CaptionNetwork net, FusedAdam adam, long seed, long step) throws IOException {
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    net.params.list().forEach(p -> tensors.put(p.name(), p.value()));
    adam.state().forEach((k, v) -> tensors.put("opt/" + k, v));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", CHECKPOINT_FORMAT);
    meta.put("checkpoint.compatible", compatibility(seed));
    meta.put("checkpoint.step", Long.toString(step));
    meta.put("checkpoint.optimizerSteps", Long.toString(adam.steps()));
    ParameterFile.write(checkpoint, tensors, meta);
  }

  private long resume(CaptionNetwork net, FusedAdam adam, long seed) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(checkpoint);
    Map<String, String> m = c.metadata();
    if (!CHECKPOINT_FORMAT.equals(m.get("format"))) {
      throw new IOException(checkpoint + ": not a caption checkpoint (format '" + m.get("format") + "')");
    }
    if (!compatibility(seed).equals(m.get("checkpoint.compatible"))) {
      throw new IOException(checkpoint + ": checkpoint of another run (" + m.get("checkpoint.compatible") + "); this run is "
          + compatibility(seed) + "; delete it or choose another path");
    }
    for (Parameter p : net.params.list()) {
      INDArray v = c.tensors().get(p.name());
      if (v == null || !java.util.Arrays.equals(v.shape(), p.shape())) {
        throw new IOException(checkpoint + ": tensor '" + p.name() + "' is missing or has the wrong shape");
      }
      p.value().assign(v);
    }
    Map<String, INDArray> opt = new LinkedHashMap<>();
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("opt/")) {
        opt.put(k.substring(4), v);
      }
    });
    adam.loadState(opt, Long.parseLong(m.get("checkpoint.optimizerSteps")));
    return Long.parseLong(m.get("checkpoint.step"));
  }
}
