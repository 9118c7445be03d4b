package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.optim.ClipByGlobalNorm;
import org.seqlab.core.optim.LearningRateSchedule;

/**
 * The mini-batch epoch loop shared by the classifier and the tagger: epoch {@code e} visits the
 * examples in the order of a Fisher-Yates shuffle seeded with {@code derive(derive(seed,
 * "shuffle"), e)}, step {@code s} gets the dropout seed {@code derive(seed, s)}, then clipping by
 * global norm and {@link FusedAdam}. Progress goes to a listener about every {@code reportSeconds}
 * and after each epoch (with the validation score when given). With a checkpoint file the
 * parameters, Adam moments and epoch count are saved after every epoch, and a run whose file
 * exists resumes after its last completed epoch with the same result as an uninterrupted run.
 */
final class EpochTrainer {
  /** One optimisation step: records the loss of the batch on a tape, runs backward, returns the loss. */
  interface Step {
    double run(int[] batch, long dropoutSeed);
  }

  /**
   * Optional parts of a run.
   *
   * @param listener progress reports
   * @param reportSeconds seconds between in-epoch reports
   * @param checkpoint resumable state, or null
   * @param validation scores the model after each epoch, or null
   */
  record Options(Consumer<EpochProgress> listener, double reportSeconds, Path checkpoint, DoubleSupplier validation) {
    Options {
      Objects.requireNonNull(listener, "listener");
    }

    static Options quiet() {
      return new Options(p -> {}, 30, null, null);
    }
  }

  private EpochTrainer() {}

  /**
   * @param compatible identifies runs that may resume each other's checkpoints (config without the
   *     epoch count, data size, seed)
   */
  static void run(
      ParameterSet params, int examples, int epochs, int batchSize, double clipNorm, double learningRate, long seed,
      String compatible, Options o, Step step) throws IOException {
    run(params, examples, epochs, batchSize, clipNorm, learningRate, learningRate, seed, compatible, o, step);
  }

  /**
   * As above, with the learning rate falling from {@code learningRate} to {@code minLearningRate}
   * along a cosine over all steps of the {@code epochs} (constant when they are equal). The schedule
   * follows the optimizer's step count, so a resumed run continues on it; resuming with another
   * epoch count stretches the rest of it.
   */
  static void run(
      ParameterSet params, int examples, int epochs, int batchSize, double clipNorm, double learningRate,
      double minLearningRate, long seed, String compatible, Options o, Step step) throws IOException {
    int batches = (examples + batchSize - 1) / batchSize;
    FusedAdam adam = minLearningRate == learningRate
        ? new FusedAdam(learningRate)
        : new FusedAdam(new LearningRateSchedule.WarmupCosine(learningRate, minLearningRate, 0, (long) epochs * batches),
            0.9, 0.999, 1e-8, 0);
    int start = 0;
    if (o.checkpoint() != null && Files.exists(o.checkpoint())) {
      start = resume(o.checkpoint(), params, adam, compatible);
    }
    long t0 = System.nanoTime();
    long lastReport = t0;
    long stepsDone = 0;
    for (int epoch = start; epoch < epochs; epoch++) {
      int[] order = Padded.shuffled(examples, new SplittableRandom(Seeds.derive(Seeds.derive(seed, "shuffle"), epoch)));
      double lossSum = 0;
      int lossCount = 0;
      for (int k = 0; k < batches; k++) {
        int[] batch = Arrays.copyOfRange(order, k * batchSize, Math.min(examples, (k + 1) * batchSize));
        lossSum += step.run(batch, Seeds.derive(seed, (long) epoch * batches + k));
        lossCount++;
        ClipByGlobalNorm.clip(params, clipNorm);
        adam.step(params);
        stepsDone++;
        long now = System.nanoTime();
        boolean last = k == batches - 1;
        if (last || (now - lastReport) / 1e9 >= o.reportSeconds()) {
          double perStep = (now - t0) / 1e9 / stepsDone;
          double eta = perStep * ((long) (epochs - epoch - 1) * batches + (batches - k - 1));
          double val = last && o.validation() != null ? o.validation().getAsDouble() : Double.NaN;
          o.listener().accept(new EpochProgress(epoch + 1, epochs, k + 1, batches, lossSum / lossCount, val, eta));
          lossSum = 0;
          lossCount = 0;
          lastReport = System.nanoTime();
        }
      }
      if (o.checkpoint() != null) {
        save(o.checkpoint(), params, adam, compatible, epoch + 1);
      }
    }
  }

  private static void save(Path file, ParameterSet params, FusedAdam adam, String compatible, int epochs) throws IOException {
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    params.list().forEach(p -> tensors.put(p.name(), p.value()));
    adam.state().forEach((k, v) -> tensors.put("opt/" + k, v));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "seqlab-epoch-checkpoint");
    meta.put("checkpoint.compatible", compatible);
    meta.put("checkpoint.epochs", Integer.toString(epochs));
    meta.put("checkpoint.optimizerSteps", Long.toString(adam.steps()));
    ParameterFile.write(file, tensors, meta);
  }

  private static int resume(Path file, ParameterSet params, FusedAdam adam, String compatible) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(file);
    Map<String, String> m = c.metadata();
    if (!"seqlab-epoch-checkpoint".equals(m.get("format")) || !compatible.equals(m.get("checkpoint.compatible"))) {
      throw new IOException(file + ": checkpoint of another run ('" + m.get("checkpoint.compatible") + "'); this run is '"
          + compatible + "' — delete it or change the path");
    }
    Map<String, INDArray> opt = new LinkedHashMap<>();
    for (Parameter p : params.list()) {
      INDArray v = c.tensors().get(p.name());
      if (v == null || !Arrays.equals(v.shape(), p.shape())) {
        throw new IOException(file + ": tensor '" + p.name() + "' is missing or has the wrong shape");
      }
      p.value().assign(v);
    }
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("opt/")) {
        opt.put(k.substring(4), v);
      }
    });
    adam.loadState(opt, Long.parseLong(m.get("checkpoint.optimizerSteps")));
    return Integer.parseInt(m.get("checkpoint.epochs"));
  }
}
