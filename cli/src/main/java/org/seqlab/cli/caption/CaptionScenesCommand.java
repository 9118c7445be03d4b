package org.seqlab.cli.caption;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.seqlab.attention.caption.SceneConfig;
import org.seqlab.attention.caption.SceneGenerator;
import org.seqlab.attention.caption.SceneSplit;
import org.seqlab.core.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab caption scenes --out DIR}: renders synthetic scenes as PNG files with their captions. */
@Command(
    name = "scenes",
    mixinStandardHelpOptions = true,
    description =
        "Renders seeded synthetic scenes as PNG files and writes captions.tsv (file, then every "
            + "correct caption, tab-separated), e.g. to try 'caption describe' on scenes the model "
            + "never saw.")
public final class CaptionScenesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(names = "--split", defaultValue = "test", converter = SplitConverter.class,
      description = "train, test or novel (default: ${DEFAULT-VALUE})")
  SceneSplit split;

  @Option(names = "--count", defaultValue = "10", description = "number of scenes (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", defaultValue = "1", description = "scene seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--image-size", defaultValue = "48", description = "image side in pixels (default: ${DEFAULT-VALUE})")
  int imageSize;

  @Override
  public Integer call() throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be >= 1, got " + count);
    }
    PrintWriter o = spec.commandLine().getOut();
    SceneGenerator gen = new SceneGenerator(SceneConfig.defaults().withImageSize(imageSize), seed);
    Files.createDirectories(out);
    StringBuilder tsv = new StringBuilder();
    for (int i = 0; i < count; i++) {
      SceneGenerator.Example e = gen.example(split, i);
      String name = String.format(Locale.ROOT, "%s-%05d.png", split.name().toLowerCase(Locale.ROOT), i);
      AtomicFiles.write(out.resolve(name), s -> ImageIO.write(e.image(), "png", s));
      tsv.append(name).append('\t').append(String.join("\t", e.scene().references())).append('\n');
    }
    byte[] bytes = tsv.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(out.resolve("captions.tsv"), s -> s.write(bytes));
    o.println("wrote " + count + " " + split.name().toLowerCase(Locale.ROOT) + " scenes and captions.tsv to " + out
        + "  (" + gen.config().signature() + ", seed " + seed + ")");
    return 0;
  }
}
