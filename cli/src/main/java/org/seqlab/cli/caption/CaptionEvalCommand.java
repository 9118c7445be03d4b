package org.seqlab.cli.caption;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.attention.caption.CaptionEvaluation;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.attention.caption.DecodeOptions;
import org.seqlab.attention.caption.SceneConfig;
import org.seqlab.attention.caption.SceneGenerator;
import org.seqlab.attention.caption.SceneSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab caption eval --model MODEL}: BLEU-4 and exact match of a saved model on held-out scenes. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Scores a caption model on held-out synthetic scenes: corpus BLEU-4 against every correct caption, and exact match.")
public final class CaptionEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model written by 'caption train'")
  Path model;

  @Option(names = "--split", split = ",", defaultValue = "test,novel", converter = SplitConverter.class,
      description = "test (held-out renders), novel (held-out colour-shape pairs) or train (default: ${DEFAULT-VALUE})")
  List<SceneSplit> splits;

  @Option(names = "--scenes", defaultValue = "1000", description = "scenes per split (default: ${DEFAULT-VALUE})")
  int scenes;

  @Option(names = "--beam", split = ",", defaultValue = "1,5", description = "beam widths, 1 = greedy (default: ${DEFAULT-VALUE})")
  List<Integer> beams;

  @Option(names = "--alpha", defaultValue = "0.7", description = "beam length normalisation (default: ${DEFAULT-VALUE})")
  double alpha;

  @Option(names = "--seed", description = "scene seed (default: the model's training seed)")
  Long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    CaptionModel m = CaptionModel.load(model);
    long s = seed != null ? seed : Long.parseLong(m.provenance().getOrDefault("run.seed", "1"));
    SceneConfig sc = SceneConfig.defaults().withImageSize(m.config().imageSize());
    o.println("model       " + m.signature() + "  (" + model + ")");
    o.println("scenes      " + sc.signature() + "  (seed " + s + ")");
    SceneGenerator gen = new SceneGenerator(sc, s);
    String signature = "";
    for (SceneSplit split : splits) {
      for (int k : beams) {
        DecodeOptions d = k == 1 ? DecodeOptions.greedy() : DecodeOptions.beam(k).withAlpha(alpha);
        CaptionEvaluation e = CaptionEvaluation.evaluate(m, gen, split, scenes, d);
        o.println("eval        " + e.format());
        o.flush();
        signature = e.bleuSignature();
      }
    }
    o.println("bleu        BLEU-4 on the 0-1 scale (sacreBLEU score / 100), " + signature);
    return 0;
  }
}
