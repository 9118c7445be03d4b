package org.seqlab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.cli.Main;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;

/** {@code seqlab bleu} as a user runs it: files in, sacreBLEU line or JSON out, clear errors. */
class BleuCliTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void textAndJsonAgreeWithTheLibrary() throws Exception {
    Path ref1 = write("ref1", "The cat sat on the mat.\nHello world !\n");
    Path ref2 = write("ref2", "A cat was on the mat.\nHello , world !\n");
    Path hyp = write("hyp", "The cat sat on a mat.\nHello world!\n");
    Run text = run("bleu", ref1.toString(), ref2.toString(), "-i", hyp.toString());
    assertEquals(0, text.code(), text.err());
    double expected =
        new Bleu(BleuConfig.corpusDefaults())
            .corpusScore(
                List.of("The cat sat on a mat.", "Hello world!"),
                List.of(List.of("The cat sat on the mat.", "Hello world !"), List.of("A cat was on the mat.", "Hello , world !")))
            .score();
    assertTrue(text.out().startsWith("BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:"), text.out());
    Run json = run("bleu", ref1.toString(), ref2.toString(), "-i", hyp.toString(), "--format", "json");
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertEquals(expected, node.get("score").asDouble(), 1e-12);
    assertEquals(4, node.get("counts").size());
    assertTrue(node.get("signature").asText().startsWith("nrefs:2|"));
  }

  @Test
  void optionsReachTheSignature() throws Exception {
    Path ref = write("ref", "a b c d\n");
    Path hyp = write("hyp", "A B C D\n");
    Run r = run("bleu", ref.toString(), "-i", hyp.toString(), "-lc", "--tokenize", "intl", "--smooth", "floor", "--smooth-value", "0.2", "-w", "3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("BLEU|nrefs:1|case:lc|eff:no|tok:intl|smooth:floor[0.20]|version:"), r.out());
    assertTrue(r.out().contains(" = 100.000 "), r.out());
  }

  @Test
  void badInputsGiveOneClearLineAndExitCode2() throws Exception {
    Path ref = write("ref", "a\nb\n");
    Path hyp = write("hyp", "a\n");
    Run mismatch = run("bleu", ref.toString(), "-i", hyp.toString());
    assertEquals(2, mismatch.code());
    assertTrue(mismatch.err().contains("has 1 lines but " + ref + " has 2"), mismatch.err());
    Path bad = dir.resolve("bad");
    Files.write(bad, new byte[] {'o', 'k', '\n', (byte) 0xff, '\n'});
    Run utf = run("bleu", bad.toString(), "-i", hyp.toString());
    assertEquals(2, utf.code());
    assertTrue(utf.err().contains(bad + ": invalid UTF-8 on line 2"), utf.err());
    Run missing = run("bleu", dir.resolve("nope").toString(), "-i", hyp.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
    Run unknown = run("bleu", ref.toString(), "-i", hyp.toString(), "--tokenize", "moses");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown BLEU tokenizer 'moses'"), unknown.err());
  }
}
