package org.seqlab.attention.caption;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the golden caption model files under {@code src/test/resources/golden}. Run once per
 * format version, by hand: {@code java -cp ... org.seqlab.attention.caption.GoldenFiles
 * attention/src/test/resources/golden}; it prints the values {@code CaptionGoldenFileTest} pins. The
 * committed files must then keep loading in every later build.
 */
final class GoldenFiles {
  private GoldenFiles() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    for (CaptionVariant v : CaptionVariant.values()) {
      CaptionModel m = TinyModels.model(v, 1);
      Path f = dir.resolve("caption-" + v.label() + "-v1.spf");
      m.save(f);
      Caption c = CaptionModel.load(f).describe(TinyModels.ramp(8, 0), new DecodeOptions(1, 0, 6, false));
      System.out.printf(Locale.ROOT, "%s: '%s' logProb %.9f%n", f.getFileName(), c.text(), c.logProb());
    }
  }
}
