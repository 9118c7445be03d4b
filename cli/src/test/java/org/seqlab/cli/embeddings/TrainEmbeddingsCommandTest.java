package org.seqlab.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.cli.CliTestSupport;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.WordVectorsFormat;

class TrainEmbeddingsCommandTest extends CliTestSupport {
  @TempDir Path dir;
  Path corpus;

  /** Three topics of 8 words; each line uses one topic. */
  @BeforeEach
  void writeCorpus() throws IOException {
    SplittableRandom rng = new SplittableRandom(1);
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < 300; s++) {
      int t = rng.nextInt(3);
      for (int k = 0; k < 15; k++) {
        sb.append('t').append(t).append('w').append(rng.nextInt(8)).append(' ');
      }
      sb.append('\n');
    }
    corpus = dir.resolve("corpus.txt");
    Files.writeString(corpus, sb.toString(), StandardCharsets.UTF_8);
  }


  @Test
  void trainsSgnsAndWritesVectorsWithSignature() throws IOException {
    Path v = dir.resolve("v.bin");
    assertEquals(0, run("embeddings", "train", "--corpus", corpus.toString(), "--out", v.toString(), "--dim", "12",
        "--min-count", "1", "--sample", "0", "--epochs", "3", "--threads", "1", "--seed", "5",
        "--sentence-length", "15"), err);
    assertTrue(out.contains("config      sgns|dim:12|win:5|neg:5|sample:0|min:1|alpha:0.025|ep:3|seed:5|v:1"), out);
    assertTrue(out.contains("trained") && out.contains("words/s"), out);
    WordVectors w = WordVectorsFormat.read(v, VectorsFormat.WORD2VEC_BINARY);
    assertEquals(24, w.size());
    assertEquals(12, w.dim());
    assertTrue(WordVectorsFormat.sidecar(v).orElseThrow().signature().startsWith("sgns|dim:12"));
    assertTrue(w.nearest("t1w3", 1).get(0).word().startsWith("t1"), w.nearest("t1w3", 3).toString());
  }

  @Test
  void trainsGloveAndResumesFromCheckpoint() throws IOException {
    Path v = dir.resolve("g.txt");
    Path ck = dir.resolve("ck");
    String[] args = {"embeddings", "train", "--method", "glove", "--corpus", corpus.toString(), "--out", v.toString(),
        "--format", "glove", "--dim", "8", "--min-count", "1", "--iterations", "3", "--threads", "1",
        "--checkpoint", ck.toString()};
    assertEquals(0, run(args), err);
    assertTrue(out.contains("config      glove|dim:8|win:15|xmax:10"), out);
    assertTrue(out.contains("checkpoint  " + ck.resolve("glove.ckpt")), out);
    float[] first = WordVectorsFormat.read(v, VectorsFormat.GLOVE_TEXT).vector("t0w0");
    // resuming after iteration 2 of 3 repeats the last iteration and gives the same vectors
    String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
    resume[args.length] = "--resume";
    assertEquals(0, run(resume), err);
    assertTrue(out.contains("resuming"), out);
    assertEquals(java.util.Arrays.toString(first),
        java.util.Arrays.toString(WordVectorsFormat.read(v, VectorsFormat.GLOVE_TEXT).vector("t0w0")));
  }

  @Test
  void inputErrorsExitWithCode2() {
    assertEquals(2, run("embeddings", "train", "--corpus", dir.resolve("missing.txt").toString()));
    assertTrue(err.contains("missing.txt"), err);
    assertEquals(2, run("embeddings", "train", "--corpus", corpus.toString(), "--resume"));
    assertTrue(err.contains("--resume needs --checkpoint"), err);
    assertEquals(2, run("embeddings", "train", "--corpus", corpus.toString(), "--format", "xml"));
    assertTrue(err.contains("unknown format 'xml'"), err);
    assertEquals(2, run("embeddings", "train", "--corpus", corpus.toString(), "--dim", "0", "--min-count", "1"));
    assertTrue(err.contains("dim must be >= 1, got 0"), err);
  }
}
