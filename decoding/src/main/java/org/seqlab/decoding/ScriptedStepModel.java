package org.seqlab.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.seqlab.core.Seeds;

/**
 * A test fixture shipped as main code (like Tribuo's data generators), so that every module can test
 * decoders against the same models: a {@link StepModel} whose next-token distribution is a fixed
 * function of the sentence and the prefix emitted so far. Tests derive exact beam results from it by
 * hand or by enumeration ({@link #enumerate}).
 *
 * <p>It also counts model calls and stepped rows, so tests can check batching and early stopping.
 */
public final class ScriptedStepModel implements StepModel<ScriptedStepModel.State> {
  /** The next-token distribution. */
  @FunctionalInterface
  public interface Script {
    /**
     * @param sentence the row's sentence index in the initial state
     * @param prefix the tokens emitted so far (no {@code <bos>})
     * @return {@code V} probabilities summing to 1
     */
    double[] probabilities(int sentence, int[] prefix);
  }

  /**
   * The state: per row, its sentence and the tokens read so far ({@code <bos>} first).
   *
   * @param sentences {@code [rows]}
   * @param read {@code [rows][*]}
   */
  public record State(int[] sentences, int[][] read) implements DecoderState<State> {
    @Override
    public int rows() {
      return sentences.length;
    }

    @Override
    public State reorder(int[] rows) {
      int[] s = new int[rows.length];
      int[][] r = new int[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        if (rows[i] < 0 || rows[i] >= sentences.length) {
          throw new IllegalArgumentException("row " + rows[i] + " at " + i + " is outside [0, " + sentences.length + ")");
        }
        s[i] = sentences[rows[i]];
        r[i] = read[rows[i]];
      }
      return new State(s, r);
    }
  }

  private final int vocab;
  private final int bos;
  private final int eos;
  private final Script script;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();

  public ScriptedStepModel(int vocabSize, int bosId, int eosId, Script script) {
    if (vocabSize < 2 || bosId < 0 || bosId >= vocabSize || eosId < 0 || eosId >= vocabSize || bosId == eosId) {
      throw new IllegalArgumentException("need vocabSize >= 2 and distinct bos, eos in [0, vocabSize), got vocabSize="
          + vocabSize + " bos=" + bosId + " eos=" + eosId);
    }
    this.vocab = vocabSize;
    this.bos = bosId;
    this.eos = eosId;
    this.script = Objects.requireNonNull(script, "script");
  }

  /**
   * A model given by a table from prefixes to distributions, the same for every sentence.
   *
   * @throws IllegalStateException (when stepping) for a prefix missing from the table
   */
  public static ScriptedStepModel table(int vocabSize, int bosId, int eosId, Map<List<Integer>, double[]> table) {
    Map<List<Integer>, double[]> copy = Map.copyOf(table);
    return new ScriptedStepModel(vocabSize, bosId, eosId, (s, prefix) -> {
      double[] p = copy.get(Arrays.stream(prefix).boxed().toList());
      if (p == null) {
        throw new IllegalStateException("the script has no distribution after prefix " + Arrays.toString(prefix));
      }
      return p;
    });
  }

  /**
   * A model with pseudo-random distributions: {@code p(v) ∝ exp(sharpness * g_v)} with {@code g} standard
   * normal, drawn from a seed derived from {@code seed}, the sentence and the prefix; {@code <bos>} has
   * probability 0.
   */
  public static ScriptedStepModel random(int vocabSize, int bosId, int eosId, double sharpness, long seed) {
    return new ScriptedStepModel(vocabSize, bosId, eosId, (s, prefix) -> {
      long h = Seeds.derive(seed, s);
      for (int v : prefix) {
        h = Seeds.derive(h, v);
      }
      SplittableRandom rng = new SplittableRandom(h);
      double[] p = new double[vocabSize];
      double sum = 0;
      for (int v = 0; v < vocabSize; v++) {
        double g = gaussian(rng);
        p[v] = v == bosId ? 0 : Math.exp(sharpness * g);
        sum += p[v];
      }
      for (int v = 0; v < vocabSize; v++) {
        p[v] /= sum;
      }
      return p;
    });
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** The same script with sentence {@code i} of the new model acting as sentence {@code offset + i} of this one. */
  public ScriptedStepModel shifted(int offset) {
    return new ScriptedStepModel(vocab, bos, eos, (s, prefix) -> script.probabilities(offset + s, prefix));
  }

  /** The initial state of {@code sentences} sentences (nothing read). */
  public State initial(int sentences) {
    int[] s = Decoder.iota(sentences);
    int[][] r = new int[sentences][0];
    return new State(s, r);
  }

  @Override
  public Step<State> step(State state, int[] lastTokens) {
    int n = state.rows();
    if (lastTokens.length != n) {
      throw new IllegalArgumentException("got " + lastTokens.length + " tokens for " + n + " rows");
    }
    calls.incrementAndGet();
    rows.addAndGet(n);
    double[] lp = new double[n * vocab];
    int[][] read = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] r = Arrays.copyOf(state.read()[i], state.read()[i].length + 1);
      r[r.length - 1] = lastTokens[i];
      if (r[0] != bos) {
        throw new IllegalStateException("row " + i + " did not start with <bos> " + bos + ": " + Arrays.toString(r));
      }
      read[i] = r;
      double[] p = script.probabilities(state.sentences()[i], Arrays.copyOfRange(r, 1, r.length));
      checkDistribution(p, r);
      for (int v = 0; v < vocab; v++) {
        lp[i * vocab + v] = Math.log(p[v]);
      }
    }
    return new Step<>(new LogProbs(n, vocab, lp), new State(state.sentences().clone(), read));
  }

  private void checkDistribution(double[] p, int[] read) {
    double sum = 0;
    for (double x : p) {
      if (!(x >= 0)) {
        throw new IllegalStateException("negative or NaN probability after " + Arrays.toString(read));
      }
      sum += x;
    }
    if (p.length != vocab || Math.abs(sum - 1) > 1e-9) {
      throw new IllegalStateException("the script must return " + vocab + " probabilities summing to 1, got "
          + Arrays.toString(p) + " after " + Arrays.toString(read));
    }
  }

  @Override
  public int vocabSize() {
    return vocab;
  }

  @Override
  public int bosId() {
    return bos;
  }

  @Override
  public int eosId() {
    return eos;
  }

  /** Model calls so far. */
  public long calls() {
    return calls.get();
  }

  /** Rows stepped so far, over all calls. */
  public long rowsStepped() {
    return rows.get();
  }

  /**
   * Every output of sentence {@code sentence} with at most {@code maxLength} tokens ({@code <eos>}
   * included) and non-zero probability, scored with {@code penalty}, best first (ties: shorter, then
   * lexicographically smaller): the exact answer a wide enough beam must find.
   */
  public List<Hypothesis> enumerate(int sentence, int maxLength, LengthPenalty penalty) {
    List<Hypothesis> out = new ArrayList<>();
    expand(sentence, new int[0], 0, maxLength, penalty, out);
    out.sort((a, b) -> {
      int c = Double.compare(b.score(), a.score());
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : Arrays.compare(a.tokens(), b.tokens());
    });
    return out;
  }

  private void expand(int sentence, int[] prefix, double lp, int maxLength, LengthPenalty penalty, List<Hypothesis> out) {
    double[] p = script.probabilities(sentence, prefix);
    double pe = p[eos];
    if (pe > 0) {
      out.add(new Hypothesis(prefix, lp + Math.log(pe), penalty.score(lp + Math.log(pe), prefix.length + 1), prefix.length + 1));
    }
    if (prefix.length + 1 >= maxLength) {
      return;
    }
    for (int v = 0; v < vocab; v++) {
      if (v != eos && p[v] > 0) {
        int[] y = Arrays.copyOf(prefix, prefix.length + 1);
        y[prefix.length] = v;
        expand(sentence, y, lp + Math.log(p[v]), maxLength, penalty, out);
      }
    }
  }
}
