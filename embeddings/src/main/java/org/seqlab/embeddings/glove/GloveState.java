package org.seqlab.embeddings.glove;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.seqlab.embeddings.train.CheckpointFile;
import org.seqlab.embeddings.train.EncodedCorpus;
import org.seqlab.embeddings.train.RowOps;

/**
 * GloVe parameters and AdaGrad state: word vectors {@code W}, context vectors {@code C} (W~), their
 * biases, the AdaGrad sums of squared gradients of all four (initialised to 1 as in glove.c), and the
 * number of completed iterations. Shared by the Hogwild workers.
 */
final class GloveState {
  final float[][] w;
  final float[][] c;
  final float[][] gw;
  final float[][] gc;
  final float[] bw;
  final float[] bc;
  final float[] gbw;
  final float[] gbc;
  int iteration;

  private GloveState(float[][] w, float[][] c, float[][] gw, float[][] gc, float[] bw, float[] bc,
      float[] gbw, float[] gbc, int iteration) {
    this.w = w;
    this.c = c;
    this.gw = gw;
    this.gc = gc;
    this.bw = bw;
    this.bc = bc;
    this.gbw = gbw;
    this.gbc = gbc;
    this.iteration = iteration;
  }

  /** Vectors and biases uniform in [-0.5/D, 0.5/D) (seeded), AdaGrad sums 1. */
  static GloveState init(int v, GloveConfig config) {
    int dim = config.dim();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(config.seed());
    float[][] w = new float[v][dim];
    float[][] c = new float[v][dim];
    float[] bw = new float[v];
    float[] bc = new float[v];
    for (int i = 0; i < v; i++) {
      for (int d = 0; d < dim; d++) {
        w[i][d] = (float) ((rng.nextDouble() - 0.5) / dim);
        c[i][d] = (float) ((rng.nextDouble() - 0.5) / dim);
      }
      bw[i] = (float) ((rng.nextDouble() - 0.5) / dim);
      bc[i] = (float) ((rng.nextDouble() - 0.5) / dim);
    }
    return new GloveState(w, c, ones(v, dim), ones(v, dim), bw, bc, ones(v), ones(v), 0);
  }

  private static float[][] ones(int v, int dim) {
    float[][] m = new float[v][];
    for (int i = 0; i < v; i++) {
      m[i] = ones(dim);
    }
    return m;
  }

  private static float[] ones(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, 1f);
    return a;
  }

  /** {@code W + W~} row-major. */
  float[] sum() {
    int dim = w[0].length;
    float[] out = new float[w.length * dim];
    for (int i = 0; i < w.length; i++) {
      for (int d = 0; d < dim; d++) {
        out[i * dim + d] = w[i][d] + c[i][d];
      }
    }
    return out;
  }

  void write(Path path, GloveConfig cfg, EncodedCorpus corpus) throws IOException {
    Map<String, String> h = new TreeMap<>();
    h.put("method", "glove");
    h.put("signature", cfg.signature());
    h.put("dim", Integer.toString(cfg.dim()));
    h.put("window", Integer.toString(cfg.window()));
    h.put("xMax", Double.toString(cfg.xMax()));
    h.put("alpha", Double.toString(cfg.alpha()));
    h.put("eta", Double.toString(cfg.eta()));
    h.put("iterations", Integer.toString(cfg.iterations()));
    h.put("minCount", Integer.toString(cfg.minCount()));
    h.put("maxVocab", Integer.toString(cfg.maxVocab()));
    h.put("threads", Integer.toString(cfg.threads()));
    h.put("seed", Long.toString(cfg.seed()));
    h.put("memoryBudgetMiB", Integer.toString(cfg.memoryBudgetMiB()));
    h.put("vocabSize", Integer.toString(corpus.vocabulary().size()));
    h.put("vocabChecksum", corpus.vocabulary().checksum());
    h.put("tokens", Long.toString(corpus.tokenCount()));
    h.put("iterationsDone", Integer.toString(iteration));
    Map<String, float[]> a = new LinkedHashMap<>();
    a.put("W", RowOps.flatten(w));
    a.put("C", RowOps.flatten(c));
    a.put("gradsqW", RowOps.flatten(gw));
    a.put("gradsqC", RowOps.flatten(gc));
    a.put("biasW", bw);
    a.put("biasC", bc);
    a.put("gradsqBiasW", gbw);
    a.put("gradsqBiasC", gbc);
    CheckpointFile.write(path, h, a);
  }

  static GloveConfig readConfig(Path path) throws IOException {
    return config(path, CheckpointFile.read(path));
  }

  private static GloveConfig config(Path path, CheckpointFile.Contents c) throws IOException {
    if (!"glove".equals(c.header().get("method"))) {
      throw new IOException(path + ": not a GloVe checkpoint (method=" + c.header().get("method") + ")");
    }
    try {
      return new GloveConfig(Integer.parseInt(c.get("dim", path)), Integer.parseInt(c.get("window", path)),
          Double.parseDouble(c.get("xMax", path)), Double.parseDouble(c.get("alpha", path)),
          Double.parseDouble(c.get("eta", path)), Integer.parseInt(c.get("iterations", path)),
          Integer.parseInt(c.get("minCount", path)), Integer.parseInt(c.get("maxVocab", path)),
          Integer.parseInt(c.get("threads", path)), Long.parseLong(c.get("seed", path)),
          Integer.parseInt(c.get("memoryBudgetMiB", path)));
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": checkpoint config is invalid: " + e.getMessage(), e);
    }
  }

  static GloveState read(Path path, GloveConfig expected, EncodedCorpus corpus) throws IOException {
    CheckpointFile.Contents c = CheckpointFile.read(path);
    GloveConfig stored = config(path, c);
    if (!stored.withThreads(expected.threads()).withMemoryBudgetMiB(expected.memoryBudgetMiB()).equals(expected)) {
      throw new IOException(path + ": checkpoint was written for " + stored.signature() + ", not for "
          + expected.signature());
    }
    if (!corpus.vocabulary().checksum().equals(c.get("vocabChecksum", path))
        || !Long.toString(corpus.tokenCount()).equals(c.get("tokens", path))) {
      throw new IOException(path + ": checkpoint was written for another corpus (vocabulary "
          + c.get("vocabChecksum", path) + ", this corpus " + corpus.vocabulary().checksum() + ")");
    }
    int v = corpus.vocabulary().size();
    int dim = stored.dim();
    long n = (long) v * dim;
    try {
      return new GloveState(RowOps.rows(c.array("W", n, path), dim), RowOps.rows(c.array("C", n, path), dim),
          RowOps.rows(c.array("gradsqW", n, path), dim), RowOps.rows(c.array("gradsqC", n, path), dim),
          c.array("biasW", v, path), c.array("biasC", v, path), c.array("gradsqBiasW", v, path),
          c.array("gradsqBiasC", v, path), Integer.parseInt(c.get("iterationsDone", path)));
    } catch (NumberFormatException e) {
      throw new IOException(path + ": checkpoint iteration count is not a number", e);
    }
  }
}
