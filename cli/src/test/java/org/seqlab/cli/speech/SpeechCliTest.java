package org.seqlab.cli.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.cli.CliTestSupport;
import org.seqlab.corpora.audio.Audio;
import org.seqlab.corpora.audio.Wav;

/** {@code seqlab speech ...} and {@code seqlab trigger ...} on a generated FSDD-like folder of tones. */
class SpeechCliTest extends CliTestSupport {
  @TempDir Path dir;


  /** Digits 0-3 as tones, 7 takes each (takes 0-4 test, 5-6 train). */
  private Path fakeFsdd() throws IOException {
    Path d = dir.resolve("fsdd");
    Files.createDirectories(d.resolve("recordings"));
    SplittableRandom rng = new SplittableRandom(1);
    StringBuilder manifest = new StringBuilder("path\tbytes\tsha256\n");
    for (int digit = 0; digit < 4; digit++) {
      for (int take = 0; take < 7; take++) {
        double[] x = new double[1200 + rng.nextInt(600)];
        for (int i = 0; i < x.length; i++) {
          x[i] = 0.3 * Math.sin(2 * Math.PI * (400 + 400 * digit) * i / 8000.0) + 0.002 * rng.nextGaussian();
        }
        String name = "recordings/" + digit + "_tone_" + take + ".wav";
        byte[] b = Wav.encode16(new Audio(8000, x));
        Files.write(d.resolve(name), b);
        manifest.append(name).append('\t').append(b.length).append("\t-\n");
      }
    }
    Files.writeString(d.resolve("MANIFEST.tsv"), manifest, StandardCharsets.UTF_8);
    return d;
  }

  @Test
  void speechTrainThenTranscribe() throws IOException {
    Path data = fakeFsdd();
    Path model = dir.resolve("digits.seqlab");
    Path ckpt = dir.resolve("digits.ckpt");
    String[] train = {"speech", "train", "--data", data.toString(), "--out", model.toString(), "--steps", "6", "--batch", "4",
        "--hidden", "6", "--layers", "1", "--max-digits", "2", "--test-utterances", "4", "--beam", "2", "--checkpoint", ckpt.toString()};
    assertEquals(0, run(train), err);
    assertTrue(out.contains("progress step 6/6") && out.contains("ETA"), out);
    assertTrue(out.contains("best path CER"), out);
    assertTrue(Files.exists(ckpt));
    assertEquals(0, run(train), err); // resumes at the end of the finished run: no more steps
    assertTrue(out.contains("trained  steps 6-6"), out);
    Path wav = dir.resolve("a.wav");
    Files.copy(data.resolve("recordings/2_tone_0.wav"), wav);
    assertEquals(0, run("speech", "transcribe", "-m", model.toString(), wav.toString(), "--beam", "3"), err);
    assertTrue(out.matches(java.util.regex.Pattern.quote(wav.toString()) + "\t[0-9]*\\R"), out);
  }

  @Test
  void badModelAndBadAudioAreInputErrors() throws IOException {
    Path model = dir.resolve("bad.seqlab");
    Files.writeString(model, "garbage");
    Path wav = dir.resolve("a.wav");
    Files.write(wav, Wav.encode16(new Audio(8000, new double[800])));
    assertEquals(2, run("speech", "transcribe", "-m", model.toString(), wav.toString()));
    assertTrue(err.contains("not a seqlab parameter file"), err);
    assertEquals(2, run("trigger", "detect", "-m", model.toString(), wav.toString()));
    Path missing = dir.resolve("none.seqlab");
    assertEquals(2, run("speech", "transcribe", "-m", missing.toString(), wav.toString()));
    assertTrue(err.contains("no such file"), err);
    assertEquals(2, run("speech", "train", "--data", dir.resolve("nowhere").toString(), "--out", model.toString()));
    assertTrue(err.contains("SEQLAB_DATA"), err);
  }

  @Test
  void triggerTrainThenDetect() throws IOException {
    Path data = fakeFsdd();
    Path model = dir.resolve("trigger.seqlab");
    assertEquals(0, run("trigger", "train", "--data", data.toString(), "--out", model.toString(), "--steps", "4", "--batch", "4",
        "--hidden", "6", "--word", "2", "--test-clips", "4"), err);
    assertTrue(out.contains("F1"), out);
    Path wav = dir.resolve("b.wav");
    Files.copy(data.resolve("recordings/2_tone_1.wav"), wav);
    assertEquals(0, run("trigger", "detect", "-m", model.toString(), wav.toString(), "--threshold", "0.4"), err);
    assertTrue(out.startsWith(wav + "\t"), out);
    Path speechModel = dir.resolve("s.seqlab");
    assertEquals(0, run("speech", "train", "--data", data.toString(), "--out", speechModel.toString(), "--steps", "2", "--batch", "2",
        "--hidden", "4", "--layers", "1", "--max-digits", "1", "--test-utterances", "2"), err);
    assertEquals(2, run("trigger", "detect", "-m", speechModel.toString(), wav.toString()));
    assertTrue(err.contains("expected 'trigger'"), err);
  }
}
