package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.seqlab.corpora.audio.Audio;
import org.seqlab.corpora.audio.Wav;

/**
 * A generated stand-in for FSDD with the same layout (recordings/D_speaker_N.wav + MANIFEST.tsv):
 * "digit" {@code d} is a 0.15-0.25 s tone at {@code 300 + 300 d} Hz with a Hann envelope and a
 * little noise. Tests never read ../shared.
 */
final class FakeFsdd {
  private FakeFsdd() {}

  static Path write(Path dir, int digits, int takes, long seed) throws IOException {
    Files.createDirectories(dir.resolve("recordings"));
    SplittableRandom rng = new SplittableRandom(seed);
    StringBuilder manifest = new StringBuilder("path\tbytes\tsha256\n");
    for (int d = 0; d < digits; d++) {
      for (int take = 0; take < takes; take++) {
        int n = (int) ((0.15 + 0.1 * rng.nextDouble()) * 8000);
        double f = 300 + 300 * d;
        double amp = 0.2 + 0.3 * rng.nextDouble();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          double env = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
          x[i] = amp * env * Math.sin(2 * Math.PI * f * i / 8000) + 0.002 * rng.nextGaussian();
        }
        String name = "recordings/" + d + "_tone_" + take + ".wav";
        byte[] b = Wav.encode16(new Audio(8000, x));
        Files.write(dir.resolve(name), b);
        manifest.append(name).append('\t').append(b.length).append("\t-\n");
      }
    }
    Files.writeString(dir.resolve("MANIFEST.tsv"), manifest, StandardCharsets.UTF_8);
    return dir;
  }
}
