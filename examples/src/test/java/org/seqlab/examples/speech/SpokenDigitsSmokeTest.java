package org.seqlab.examples.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.audio.Wav;
import org.seqlab.sequence.CellType;

/** Runs the spoken-digit example end to end on generated tones (a few seconds). */
class SpokenDigitsSmokeTest {
  @Test
  void trainsEvaluatesSavesAndTranscribes(@TempDir Path dir) throws Exception {
    Path data = FakeFsdd.write(dir.resolve("fsdd"), 3, 8, 5);
    List<String> log = new ArrayList<>();
    SpokenDigits.Options o = SpokenDigits.Options.defaults(data)
        .withModel(CellType.GRU, 16, 1, 0.0)
        .withTrain(new TrainConfig(100, 8, 1e-2, 5, 5.0))
        .withTest(12, 4)
        .withFiles(dir.resolve("digits.seqlab"), null)
        .withLog(log::add);
    o = new SpokenDigits.Options(o.data(), o.cell(), o.hidden(), o.layers(), o.dropout(), o.train(), 1, 3,
        o.testUtterances(), o.beamWidth(), 3, o.modelOut(), null, o.log());
    SpokenDigits.Result r = SpokenDigits.run(o);
    assertEquals(12, r.testUtterances());
    assertEquals(15, r.testRecordings()); // takes 0-4 of 3 digits
    assertEquals(9, r.trainRecordings());
    assertTrue(r.greedy().referenceLength() >= 12);
    double first = loss(log.stream().filter(l -> l.contains("step 50/")).findFirst().orElseThrow());
    double last = loss(log.stream().filter(l -> l.contains("step 100/")).findFirst().orElseThrow());
    assertTrue(last < first, "training loss should fall: " + first + " -> " + last);
    assertTrue(log.stream().anyMatch(l -> l.startsWith("test ") && l.contains("CER")), String.join("\n", log));
    DigitRecognizer loaded = DigitRecognizer.load(o.modelOut());
    Path wav = dir.resolve("one.wav");
    Files.write(wav, Wav.encode16(new DigitUtterances(DigitUtterances.read(org.seqlab.corpora.audio.Fsdd.load(data)), 8000, 2, 2)
        .sample(new java.util.SplittableRandom(1)).audio()));
    String text = loaded.transcribe(Wav.read(wav));
    assertTrue(text.chars().allMatch(Character::isDigit), text);
    assertEquals(r.recognizer().transcribe(Wav.read(wav)), text, "the saved model transcribes like the trained one");
  }

  private static double loss(String progressLine) {
    String[] parts = progressLine.split("\\s+");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equals("loss")) {
        return Double.parseDouble(parts[i + 1]);
      }
    }
    throw new IllegalArgumentException(progressLine);
  }
}
