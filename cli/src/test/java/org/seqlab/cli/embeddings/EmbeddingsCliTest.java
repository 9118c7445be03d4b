package org.seqlab.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.cli.CliTestSupport;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.WordVectorsFormat;

class EmbeddingsCliTest extends CliTestSupport {
  @TempDir Path dir;
  Path vectors;

  @BeforeEach
  void writeVectors() throws IOException {
    // e0 is a planted gender axis: she/woman/queen +, he/man/king -; nurse leans +, engineer -
    List<String> words = List.of("she", "he", "woman", "man", "king", "queen", "royal", "nurse", "engineer", "apple");
    float[] m = {
      1, 0.5f, 0.2f, 0, 0, -1, 0.5f, 0.2f, 0, 0, 0.8f, 0, 0.6f, 0.1f, 0, -0.8f, 0, 0.6f, 0.1f, 0, -0.5f, 0, 0, 1, 0.3f,
      0.5f, 0, 0, 1, 0.3f, 0, 0, 0, 1, 0.2f, 0.3f, 0, 0.1f, 0, 1, -0.2f, 0.1f, 0, 0.1f, 1, 0, 0.9f, 0.1f, 0, -0.5f
    };
    vectors = dir.resolve("v.bin");
    WordVectorsFormat.write(vectors, WordVectors.of(words, m, 5), VectorsFormat.WORD2VEC_BINARY, "test|v:1");
  }


  @Test
  void nearestExactAndHnsw() {
    assertEquals(0, run("embeddings", "nearest", "--vectors", vectors.toString(), "king", "-k", "3"), err);
    assertTrue(out.contains("producer    test|v:1"), out);
    assertTrue(out.contains("  1  royal") && out.contains("  2  queen"), out);
    assertEquals(0, run("embeddings", "nearest", "-v", vectors.toString(), "king", "-k", "3", "--hnsw"), err);
    assertTrue(out.contains("hnsw|m:16|efc:100|ef:100"), out);
    assertTrue(out.contains("  1  royal") && out.contains("  2  queen"), out);
  }

  @Test
  void unknownWordIsAnInputError() {
    assertEquals(2, run("embeddings", "nearest", "--vectors", vectors.toString(), "zebra"));
    assertTrue(err.contains("unknown word \"zebra\""), err);
    assertEquals(2, run("embeddings", "analogy", "--vectors", vectors.toString(), "man", "King", "woman"));
    assertTrue(err.contains("\"King\"") && err.contains("did you mean \"king\""), err);
  }

  @Test
  void corruptFileIsAnInputError() throws IOException {
    Files.writeString(dir.resolve("bad.txt"), "2 3\na 1 2 3\nb 1 2\n", StandardCharsets.UTF_8);
    assertEquals(2, run("embeddings", "nearest", "--vectors", dir.resolve("bad.txt").toString(), "a"));
    assertTrue(err.contains("bad.txt:3: expected 3 values"), err);
  }

  @Test
  void analogyAnswersQueen() {
    assertEquals(0, run("embeddings", "analogy", "--vectors", vectors.toString(), "man", "king", "woman", "-k", "2"), err);
    assertTrue(out.contains("man : king :: woman : ?"), out);
    assertTrue(out.contains("  1  queen"), out);
  }

  @Test
  void evalPrintsSectionsAndCorrelations() throws IOException {
    Files.writeString(
        dir.resolve("questions-words.txt"), ": family\nman king woman queen\nhe king she queen\n: gram1-x\nman he woman she\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("wordsim353.tsv"), "# c\nking\tqueen\t8\nman\twoman\t8.5\napple\tking\t1\nnurse\tzebra\t3\n", StandardCharsets.UTF_8);
    assertEquals(0, run("embeddings", "eval", "--vectors", vectors.toString(), "--data", dir.toString()), err);
    assertTrue(out.contains("analogy|method:3cosadd|restrict:30000"), out);
    assertTrue(out.contains("family: "), out);
    assertTrue(out.contains("total: "), out);
    assertTrue(out.contains("wordsim353  spearman"), out);
    assertTrue(out.contains("(3 pairs, 1 oov)"), out);
    assertTrue(out.contains("simlex999   skipped"), out);
  }

  @Test
  void debiasWritesVectorsAndReport() throws IOException {
    Path lists = Files.createDirectories(dir.resolve("lists"));
    Files.writeString(lists.resolve("definitional_pairs.json"), "[[\"she\",\"he\"],[\"woman\",\"man\"]]", StandardCharsets.UTF_8);
    Files.writeString(lists.resolve("equalize_pairs.json"), "[[\"king\",\"queen\"]]", StandardCharsets.UTF_8);
    Files.writeString(lists.resolve("gender_specific_full.json"), "[\"she\",\"he\",\"woman\",\"man\",\"king\",\"queen\"]", StandardCharsets.UTF_8);
    Files.writeString(lists.resolve("professions.json"), "[[\"nurse\",0,-0.9],[\"engineer\",0,0.6],[\"king\",1,0]]", StandardCharsets.UTF_8);
    Path outFile = dir.resolve("debiased.txt");
    int rc =
        run("embeddings", "debias", "--vectors", vectors.toString(), "--lists", lists.toString(), "--out", outFile.toString(),
            "--out-format", "word2vec-text", "--questions", dir.resolve("none.txt").toString(), "--show", "1");
    assertEquals(0, rc, err);
    assertTrue(out.contains("DirectBias_1 over neutral professions:"), out);
    assertTrue(out.contains("-> 0.0000"), out);
    assertTrue(out.contains("1 pairs equalized"), out);
    assertTrue(out.contains("analogy     skipped"), out);
    WordVectors d = WordVectorsFormat.read(outFile);
    assertEquals(10, d.size());
    assertTrue(WordVectorsFormat.sidecar(outFile).orElseThrow().signature().startsWith("debias|hard|k:1|pairs:2"));
  }

  @Test
  void repelAntonymsPushesThePairApartAndWritesVectors() throws IOException {
    // a hand-written WordNet database (invented offsets) that calls king and queen antonyms
    Path wn = Files.createDirectories(dir.resolve("wordnet"));
    String header = "  1 test fixture in the WordNet 3.0 data format\n";
    Files.writeString(wn.resolve("data.noun"), header + "00000100 03 n 01 king 0 001 ! 00000200 n 0101 | x\n"
        + "00000200 03 n 01 queen 0 001 ! 00000100 n 0101 | y\n00000300 03 n 01 zebra 0 000 | z\n", StandardCharsets.ISO_8859_1);
    for (String f : List.of("data.verb", "data.adj", "data.adv")) {
      Files.writeString(wn.resolve(f), header, StandardCharsets.ISO_8859_1);
    }
    WordVectors v = WordVectorsFormat.read(vectors);
    assertTrue(v.similarity("king", "queen") > 0.5);
    Path outFile = dir.resolve("repelled.bin");
    assertEquals(0, run("embeddings", "repel-antonyms", "--vectors", vectors.toString(), "--wordnet", wn.toString(), "--out", outFile.toString()), err);
    assertTrue(out.contains("1 pairs, 1 with both words in the vocabulary, 2 words moved"), out);
    assertTrue(out.contains("pairs with cosine > 0.0 1 -> "), out);
    WordVectors r = WordVectorsFormat.read(outFile);
    assertTrue(Math.abs(r.similarity("king", "queen")) < 0.1, "cos " + r.similarity("king", "queen"));
    assertEquals(v.similarity("she", "nurse"), r.similarity("she", "nurse"), 1e-7);
    assertTrue(WordVectorsFormat.sidecar(outFile).orElseThrow().signature().startsWith("repel|it:200|lr:0.1|anchor:1.0|margin:0.0|pairs:1|wordnet of ["));
    // a missing database is an input error that says where it looked and how to install it
    assertEquals(2, run("embeddings", "repel-antonyms", "--vectors", vectors.toString(), "--wordnet", dir.resolve("nowhere").toString()));
    assertTrue(err.contains("nowhere") && err.contains("wordnet-base"), err);
  }

  @Test
  void plotWritesPng() throws IOException {
    Path png = dir.resolve("p.png");
    assertEquals(0, run("embeddings", "plot", "--vectors", vectors.toString(), "--words", "she,woman,queen", "--words", "he,man,king", "--out", png.toString(), "--size", "400x300"), err);
    assertEquals(400, ImageIO.read(png.toFile()).getWidth());
    assertEquals(0, run("embeddings", "plot", "--vectors", vectors.toString(), "--top", "10", "--method", "tsne", "--iterations", "300", "--out", png.toString()), err);
    assertTrue(out.contains("tsne|perp:3|iter:300|lr:200|exag:12|seed:7|v:1"), out);
    assertEquals(2, run("embeddings", "plot", "--vectors", vectors.toString(), "--words", "she,nobody,he", "--out", png.toString()));
    assertTrue(err.contains("\"nobody\""), err);
  }
}
