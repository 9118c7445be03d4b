package org.seqlab.embeddings.train;

/**
 * The skip-gram hot loop for one worker, in plain {@code float[]}s with no allocation per word.
 *
 * <p>For each kept centre word {@code w} with contexts {@code c_1..c_C} (its shrunk window) the
 * kernel draws {@code K} noise words once and shares them across the window, as in Ji et al.,
 * "Parallelizing Word2Vec in Shared and Distributed Memory" (2016). With input rows {@code I} ({@code
 * [C, D]}, the contexts' rows of {@code syn0}) and output rows {@code O} ({@code [K+1, D]}, the rows
 * of {@code syn1} for {@code w} and the noise words), one minibatch step is
 *
 * <pre>
 *   S = I O^T                        // [C, K+1]
 *   G = alpha * (L - sigmoid(S))     // [C, K+1], L[:, 0] = 1, L[:, 1..K] = 0
 *   syn1[O] += G^T I                 // [K+1, D]
 *   syn0[I] += G O                   // [C, D]  (with O before its update)
 * </pre>
 *
 * which is the gradient ascent step on {@code sum_c log s(c.w) + sum_k log s(-c.n_k)} for the whole
 * window. The {@code K+1} output rows stay in L1 cache across the window instead of {@code C(K+1)}
 * random rows.
 *
 * <p>Not thread-safe: one kernel per thread; Hogwild (lock-free) writes to the shared matrices.
 */
final class SgnsKernel {
  private static final float MAX_EXP = 8f;
  private static final int SIGMOID_SIZE = 4096;
  private static final float SIGMOID_SCALE = SIGMOID_SIZE / (2 * MAX_EXP);

  private final float[][] syn0;
  private final float[][] syn1;
  private final int window;
  private final int negative;
  private final NegativeSampler noise;
  private final Subsampler subsampler;
  private final RowKernel ops;
  private final float[] sigmoid = new float[SIGMOID_SIZE + 1];

  private int[] kept = new int[0];
  private final float[][] in; // the contexts' syn0 rows
  private final float[][] out; // syn1 rows: centre, then the noise words
  private final boolean[] skip; // noise word equal to the centre: no gradient
  private final float[] grad; // [C, K+1] row-major
  private final float[][] delta; // [C, D]

  SgnsKernel(float[][] syn0, float[][] syn1, SkipGramConfig config, NegativeSampler noise, Subsampler sub,
      RowKernel ops) {
    this.ops = ops;
    this.syn0 = syn0;
    this.syn1 = syn1;
    this.window = config.window();
    this.negative = config.negative();
    this.noise = noise;
    this.subsampler = sub;
    this.in = new float[2 * window][];
    this.out = new float[negative + 1][];
    this.skip = new boolean[negative + 1];
    this.grad = new float[2 * window * (negative + 1)];
    this.delta = new float[2 * window][config.dim()];
    for (int i = 0; i <= SIGMOID_SIZE; i++) {
      double x = (i / (double) SIGMOID_SIZE * 2 - 1) * MAX_EXP;
      sigmoid[i] = (float) (1 / (1 + Math.exp(-x)));
    }
  }

  /**
   * Trains on the sentence {@code ids[from, to)}.
   *
   * @return the number of centre words that had at least one context (after subsampling)
   */
  int sentence(int[] ids, int from, int to, float alpha, FastRandom rng) {
    if (kept.length < to - from) {
      kept = new int[to - from];
    }
    int n = subsampler.filter(ids, from, to, kept, rng);
    int trained = 0;
    int o = negative + 1;
    for (int pos = 0; pos < n; pos++) {
      int reduced = window - rng.nextInt(window);
      int lo = Math.max(0, pos - reduced);
      int hi = Math.min(n - 1, pos + reduced);
      int c = 0;
      for (int q = lo; q <= hi; q++) {
        if (q != pos) {
          in[c++] = syn0[kept[q]];
        }
      }
      if (c == 0) {
        continue;
      }
      int centre = kept[pos];
      out[0] = syn1[centre];
      for (int k = 1; k < o; k++) {
        int w = noise.sample(rng.nextLong());
        skip[k] = w == centre;
        out[k] = syn1[w];
      }
      step(c, o, alpha);
      trained++;
    }
    return trained;
  }

  /** One minibatch step over {@code c} contexts and {@code o} outputs (see the class comment). */
  private void step(int c, int o, float alpha) {
    for (int i = 0; i < c; i++) {
      ops.dots(in[i], out, o, grad, i * o); // S[i, :]
    }
    for (int i = 0; i < c; i++) {
      int base = i * o;
      grad[base] = (1f - sigmoid(grad[base])) * alpha;
      for (int j = 1; j < o; j++) {
        grad[base + j] = skip[j] ? 0f : -sigmoid(grad[base + j]) * alpha;
      }
    }
    for (int i = 0; i < c; i++) {
      float[] di = delta[i];
      java.util.Arrays.fill(di, 0f);
      ops.combineInto(di, out, o, grad, i * o, 1); // G[i, :] O
    }
    for (int j = 0; j < o; j++) {
      ops.combineInto(out[j], in, c, grad, j, o); // G[:, j]^T I
    }
    for (int i = 0; i < c; i++) {
      ops.add(delta[i], in[i]);
    }
  }

  private float sigmoid(float f) {
    if (f >= MAX_EXP) {
      return 1f;
    }
    if (f <= -MAX_EXP) {
      return 0f;
    }
    return sigmoid[(int) ((f + MAX_EXP) * SIGMOID_SCALE)];
  }
}
