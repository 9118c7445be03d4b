package org.seqlab.cli.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.cli.CliTestSupport;

class TranslateCliTest extends CliTestSupport {
  @TempDir Path dir;


  private Path write(String name, List<String> lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return p;
  }

  @Test
  void trainTranslateAndEvaluate() throws IOException {
    List<String> de = new ArrayList<>();
    List<String> en = new ArrayList<>();
    String[][] w = {{"Hund", "dog"}, {"Katze", "cat"}, {"Maus", "mouse"}};
    for (int i = 0; i < 48; i++) {
      de.add("ein " + w[i % 3][0] + " läuft .");
      en.add("a " + w[i % 3][1] + " runs.");
    }
    Path src = write("train.de", de);
    Path tgt = write("train.en", en);
    Path model = dir.resolve("model");
    String[] tiny = {"--embed", "8", "--encoder-hidden", "8", "--decoder-hidden", "8", "--attention-dim", "8",
        "--output-dim", "8", "--dropout", "0", "--epochs", "1", "--batch", "16", "--warmup", "0", "--min-count", "1"};
    List<String> args = new ArrayList<>(List.of("translate", "train", "--source", src.toString(), "--target", tgt.toString(),
        "--out", model.toString(), "--checkpoint", dir.resolve("ck.params").toString()));
    args.addAll(List.of(tiny));
    assertEquals(0, run(args.toArray(new String[0])), err);
    assertTrue(out.contains("settings: s2s|cell:gru|att:additive|emb:8"), out);
    assertTrue(out.contains("step 3/3"), out);
    assertTrue(Files.exists(model.resolve("model.params")));

    Path in = write("in.de", List.of("ein Hund läuft .", "ein Katze läuft ."));
    assertEquals(0, run("translate", "--model", model.toString(), "--input", in.toString(), "--beam", "3"), err);
    assertEquals(2, out.strip().split("\n").length, out);
    assertEquals(0, run("translate", "-m", model.toString(), "-i", in.toString(), "-b", "3", "-n", "2"), err);
    assertTrue(out.split("\n")[0].split("\t").length == 3, out);

    Path ref = write("ref.en", List.of("a dog runs.", "a cat runs."));
    assertEquals(0, run("translate", "eval", "-m", model.toString(), "--source", in.toString(), "--reference", ref.toString()), err);
    assertTrue(out.contains("greedy          BLEU|nrefs:1|case:mixed|eff:no|tok:13a"), out);
    assertTrue(out.contains("beam errors: 2 sentences"), out);
  }

  @Test
  void inputErrorsAreClear() throws IOException {
    assertEquals(2, run("translate", "--model", dir.resolve("none").toString(), "--input", write("x", List.of("a")).toString()));
    assertTrue(err.contains("none"), err);
    assertEquals(2, run("translate", "--input", write("y", List.of("a")).toString()));
    assertTrue(err.contains("--model DIR is required"), err);
    Path s = write("s", List.of("a b", "c"));
    Path t = write("t", List.of("x"));
    assertEquals(2, run("translate", "train", "--source", s.toString(), "--target", t.toString(), "--out", dir.resolve("o").toString()));
    assertTrue(err.contains("line counts differ"), err);
  }

  @Test
  void datesTrainAndNormalize() throws IOException {
    assertEquals(0, run("dates", "train", "--out", dir.resolve("d").toString(), "--train-size", "64", "--test-size", "4",
        "--epochs", "1"), err);
    assertTrue(out.contains("exact match on 4 held-out dates"), out);
    Path in = write("dates.txt", List.of("July 20th 1969", "23 April, 1564"));
    assertEquals(0, run("dates", "normalize", "-m", dir.resolve("d/model").toString(), "-i", in.toString(), "-b", "1"), err);
    assertEquals(2, out.strip().split("\n").length, out);
  }
}
