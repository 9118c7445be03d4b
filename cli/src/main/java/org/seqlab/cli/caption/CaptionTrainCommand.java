package org.seqlab.cli.caption;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.attention.caption.CaptionEvaluation;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.attention.caption.CaptionModelConfig;
import org.seqlab.attention.caption.CaptionTrainConfig;
import org.seqlab.attention.caption.CaptionTrainer;
import org.seqlab.attention.caption.CaptionVariant;
import org.seqlab.attention.caption.DecodeOptions;
import org.seqlab.attention.caption.SceneConfig;
import org.seqlab.attention.caption.SceneGenerator;
import org.seqlab.attention.caption.SceneSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlab caption train --out MODEL}: trains a caption model on synthetic scenes, printing
 * progress with ETA, checkpointing if asked, and finally BLEU-4 and exact match on held-out scenes.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains a caption model on seeded synthetic scenes (shapes, colours, sizes, relations) "
            + "and reports BLEU-4 and exact match, greedy and beam, on held-out test scenes and on "
            + "novel colour-shape pairs.")
public final class CaptionTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the model")
  Path out;

  @Option(names = "--variant", defaultValue = "show-and-tell", converter = VariantConverter.class,
      description = "show-and-tell or show-attend-and-tell (default: ${DEFAULT-VALUE})")
  CaptionVariant variant;

  @Option(names = "--steps", defaultValue = "3000", description = "training steps (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--batch", defaultValue = "32", description = "scenes per step (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--lr", defaultValue = "0.002", description = "peak learning rate, cosine decay to --min-lr (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--min-lr", defaultValue = "0.0001", description = "final learning rate (default: ${DEFAULT-VALUE})")
  double minLr;

  @Option(names = "--hidden", defaultValue = "192", description = "LSTM width (default: ${DEFAULT-VALUE})")
  int hidden;

  @Option(names = "--image-size", defaultValue = "48", description = "image side in pixels (default: ${DEFAULT-VALUE})")
  int imageSize;

  @Option(names = "--seed", defaultValue = "1", description = "seed of scenes, initialisation and dropout (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "save resumable state here; an existing one is resumed")
  Path checkpoint;

  @Option(names = "--checkpoint-every", defaultValue = "250", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
  int checkpointEvery;

  @Option(names = "--report-every", defaultValue = "100", description = "steps between progress lines (default: ${DEFAULT-VALUE})")
  int reportEvery;

  @Option(names = "--eval-scenes", defaultValue = "1000", description = "held-out scenes per split scored at the end; 0 skips (default: ${DEFAULT-VALUE})")
  int evalScenes;

  @Option(names = "--beam", defaultValue = "5", description = "beam width of the final evaluation (default: ${DEFAULT-VALUE})")
  int beam;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    CaptionModelConfig mc = CaptionModelConfig.defaults(variant).withImageSize(imageSize)
        .withSizes(CaptionModelConfig.defaults(variant).embedDim(), hidden, CaptionModelConfig.defaults(variant).attentionDim());
    CaptionTrainConfig tc = CaptionTrainConfig.defaults().withSteps(steps).withBatchSize(batch).withLearningRate(lr, minLr)
        .withEvaluation(Math.max(1, steps / 6), 256);
    SceneConfig sc = SceneConfig.defaults().withImageSize(imageSize);
    o.println("model       " + mc.signature());
    o.println("training    " + tc.signature() + "  (seed " + seed + ")");
    o.println("scenes      " + sc.signature());
    o.flush();
    CaptionTrainer trainer = new CaptionTrainer(mc, tc, sc).withProgress(reportEvery, p -> {
      o.println("progress    " + p.format());
      o.flush();
    });
    if (checkpoint != null) {
      trainer = trainer.withCheckpoint(checkpoint, checkpointEvery);
    }
    long t0 = System.nanoTime();
    CaptionModel model = trainer.train(seed);
    double secs = (System.nanoTime() - t0) / 1e9;
    model.save(out);
    o.printf(Locale.ROOT, "trained     %d steps in %.1f s; wrote %s%n", steps, secs, out);
    if (evalScenes > 0) {
      String signature = "";
      SceneGenerator gen = new SceneGenerator(sc, seed);
      for (SceneSplit split : List.of(SceneSplit.TEST, SceneSplit.NOVEL)) {
        for (DecodeOptions d : List.of(DecodeOptions.greedy(), DecodeOptions.beam(beam))) {
          CaptionEvaluation e = CaptionEvaluation.evaluate(model, gen, split, evalScenes, d);
          o.println("eval        " + e.format());
          o.flush();
          signature = e.bleuSignature();
        }
      }
      o.println("bleu        BLEU-4 on the 0-1 scale (sacreBLEU score / 100), " + signature);
    }
    return 0;
  }
}
