package org.seqlab.cli.caption;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.attention.caption.AttentionHeatmaps;
import org.seqlab.attention.caption.Caption;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.attention.caption.CaptionVariant;
import org.seqlab.attention.caption.DecodeOptions;
import org.seqlab.attention.caption.Images;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlab caption describe IMAGE... --model MODEL}: prints a caption for each image. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description =
        "Captions PNG/JPEG/GIF/BMP images with a trained model (resized to the model's input "
            + "size). Prints one line per image: the caption, or with --verbose the file, "
            + "log-probability and caption.")
public final class CaptionDescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "image files")
  List<Path> images;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model written by 'caption train'")
  Path model;

  @Option(names = "--beam", defaultValue = "5", description = "beam width; 1 = greedy (default: ${DEFAULT-VALUE})")
  int beam;

  @Option(names = "--alpha", defaultValue = "0.7", description = "beam length normalisation exponent (default: ${DEFAULT-VALUE})")
  double alpha;

  @Option(names = "--max-length", defaultValue = "40", description = "most tokens per caption (default: ${DEFAULT-VALUE})")
  int maxLength;

  @Option(names = "--heatmaps", paramLabel = "DIR",
      description = "show-attend-and-tell models: write <image>-attention.png (one panel per word) into DIR")
  Path heatmaps;

  @Option(names = "--verbose", description = "print file name and log-probability too")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    CaptionModel m = CaptionModel.load(model);
    if (heatmaps != null && m.config().variant() != CaptionVariant.SHOW_ATTEND_AND_TELL) {
      throw new IllegalArgumentException("--heatmaps needs a show-attend-and-tell model; " + model + " is " + m.config().variant().label());
    }
    DecodeOptions opts = new DecodeOptions(beam, beam == 1 ? 0 : alpha, maxLength, heatmaps != null);
    for (Path p : images) {
      BufferedImage img = Images.read(p);
      Caption c = m.describe(img, opts);
      if (verbose) {
        o.printf(Locale.ROOT, "%s\t%.4f\t%s%n", p, c.logProb(), c.text());
      } else {
        o.println(c.text());
      }
      if (heatmaps != null) {
        Files.createDirectories(heatmaps);
        String name = p.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-attention.png";
        Path png = heatmaps.resolve(name);
        AttentionHeatmaps.write(png, img, c, 96);
        if (verbose) {
          o.println("heatmap\t" + png);
        }
      }
      o.flush();
    }
    return 0;
  }
}
