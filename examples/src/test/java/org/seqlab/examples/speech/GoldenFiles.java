package org.seqlab.examples.speech;

import java.io.IOException;
import java.nio.file.Path;
import org.seqlab.corpora.audio.LogMelConfig;
import org.seqlab.sequence.CellType;

/**
 * Writes the golden files under src/test/resources/golden. Run once per format version, by hand:
 * {@code java -cp ... org.seqlab.examples.speech.GoldenFiles examples/src/test/resources/golden};
 * the committed files must then keep loading in every later build.
 */
final class GoldenFiles {
  private GoldenFiles() {}

  /** A tiny recogniser with zero weights and an output bias that always says "2". */
  static DigitRecognizer digits() {
    DigitRecognizer r = DigitRecognizer.create(new FeatureConfig(LogMelConfig.standard(8000).withMels(4), 2, true), CellType.GRU, 2, 1, 0.0, 1);
    r.model().parameters().list().forEach(p -> p.value().assign(0));
    r.model().parameters().get("out.b").value().putScalar(3, 5.0f);
    r.model().putProvenance("run.seed", "1");
    return r;
  }

  static TriggerDetector trigger() {
    TriggerDetector d = TriggerDetector.create(new FeatureConfig(LogMelConfig.standard(8000).withMels(4), 2, true), 2, 7, 1);
    d.model().parameters().list().forEach(p -> p.value().assign(0));
    d.model().putProvenance("run.seed", "1");
    return d;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    digits().model().save(dir.resolve("speech-ctc-digits-v1.seqlab"));
    trigger().model().save(dir.resolve("speech-trigger-v1.seqlab"));
  }
}
