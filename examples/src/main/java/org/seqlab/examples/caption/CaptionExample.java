package org.seqlab.examples.caption;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

/**
 * Image captioning on synthetic Java2D scenes: trains a CNN encoder and LSTM decoder, then reports
 * BLEU-4 and exact match of greedy and beam search on held-out renders of the training distribution
 * ({@code test}) and on scenes with colour-shape combinations never seen in training ({@code
 * novel}).
 *
 * <pre>
 *   java ... org.seqlab.examples.caption.CaptionExample [show-and-tell|show-attend-and-tell] [steps] [seed]
 * </pre>
 */
public final class CaptionExample {
  private CaptionExample() {}

  /**
   * @param variant the decoder
   * @param steps training steps
   * @param batchSize scenes per step
   * @param seed run seed (scenes, initialisation, dropout)
   * @param evalScenes held-out scenes per split scored at the end
   * @param beamSize beam width of the beam-search evaluation
   * @param modelOut where to save the model, or null
   * @param checkpoint checkpoint file (resumed if present), or null
   * @param out progress and results (null: silent)
   */
  public record Options(
      CaptionVariant variant, int steps, int batchSize, long seed, int evalScenes, int beamSize, Path modelOut,
      Path checkpoint, PrintStream out) {
    public Options {
      Objects.requireNonNull(variant, "variant");
      if (evalScenes < 1) {
        throw new IllegalArgumentException("evalScenes must be >= 1, got " + evalScenes);
      }
    }

    /** The measured configuration: 3000 steps of 32 scenes, seed 1, 1000 scenes per split, beam 5. */
    public static Options defaults(CaptionVariant variant) {
      return new Options(variant, 3000, 32, 1, 1000, 5, null, null, System.out);
    }

    public Options withSteps(int v) {
      return new Options(variant, v, batchSize, seed, evalScenes, beamSize, modelOut, checkpoint, out);
    }

    public Options withEvalScenes(int v) {
      return new Options(variant, steps, batchSize, seed, v, beamSize, modelOut, checkpoint, out);
    }

    public Options withBatchSize(int v) {
      return new Options(variant, steps, v, seed, evalScenes, beamSize, modelOut, checkpoint, out);
    }

    public Options withSeed(long v) {
      return new Options(variant, steps, batchSize, v, evalScenes, beamSize, modelOut, checkpoint, out);
    }

    public Options withOutput(Path model, Path ckpt, PrintStream o) {
      return new Options(variant, steps, batchSize, seed, evalScenes, beamSize, model, ckpt, o);
    }
  }

  /**
   * @param model the trained model
   * @param evaluations test and novel splits, greedy then beam
   * @param trainSeconds wall-clock training time
   */
  public record Result(CaptionModel model, List<CaptionEvaluation> evaluations, double trainSeconds) {}

  public static Result run(Options o) throws IOException {
    CaptionModelConfig mc = CaptionModelConfig.defaults(o.variant());
    CaptionTrainConfig tc = CaptionTrainConfig.defaults().withSteps(o.steps()).withBatchSize(o.batchSize())
        .withEvaluation(Math.max(1, o.steps() / 6), 256);
    SceneConfig sc = SceneConfig.defaults().withImageSize(mc.imageSize());
    print(o, "model   " + mc.signature());
    print(o, "train   " + tc.signature() + "|seed:" + o.seed());
    print(o, "scenes  " + sc.signature());
    CaptionTrainer trainer = new CaptionTrainer(mc, tc, sc).withProgress(Math.max(1, o.steps() / 30), p -> print(o, "  " + p.format()));
    if (o.checkpoint() != null) {
      trainer = trainer.withCheckpoint(o.checkpoint(), Math.max(1, o.steps() / 10));
    }
    long t0 = System.nanoTime();
    CaptionModel model = trainer.train(o.seed());
    double secs = (System.nanoTime() - t0) / 1e9;
    print(o, String.format(Locale.ROOT, "trained in %.1f s", secs));
    if (o.modelOut() != null) {
      model.save(o.modelOut());
      print(o, "saved   " + o.modelOut());
    }
    SceneGenerator eval = new SceneGenerator(sc, o.seed());
    List<CaptionEvaluation> evals = new ArrayList<>();
    for (SceneSplit split : List.of(SceneSplit.TEST, SceneSplit.NOVEL)) {
      for (DecodeOptions d : List.of(DecodeOptions.greedy(), DecodeOptions.beam(o.beamSize()))) {
        CaptionEvaluation e = CaptionEvaluation.evaluate(model, eval, split, o.evalScenes(), d);
        evals.add(e);
        print(o, e.format());
      }
    }
    if (!evals.isEmpty()) {
      print(o, "BLEU    " + evals.get(0).bleuSignature() + " (score on the 0-1 scale)");
      for (String[] ex : evals.get(evals.size() - 1).examples()) {
        print(o, "  novel: '" + ex[0] + "'  (reference: '" + ex[1] + "')");
      }
    }
    return new Result(model, evals, secs);
  }

  private static void print(Options o, String line) {
    if (o.out() != null) {
      o.out().println(line);
    }
  }

  public static void main(String[] args) throws IOException {
    CaptionVariant v = args.length > 0 ? CaptionVariant.parse(args[0]) : CaptionVariant.SHOW_AND_TELL;
    Options o = Options.defaults(v);
    if (args.length > 1) {
      o = o.withSteps(Integer.parseInt(args[1]));
    }
    if (args.length > 2) {
      o = o.withSeed(Long.parseLong(args[2]));
    }
    if (args.length > 3) {
      o = o.withEvalScenes(Integer.parseInt(args[3]));
    }
    PrintStream ps = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    run(o.withOutput(args.length > 4 ? Path.of(args[4]) : null, null, ps));
  }
}
