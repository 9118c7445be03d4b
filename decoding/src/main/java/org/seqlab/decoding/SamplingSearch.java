package org.seqlab.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.seqlab.core.Seeds;

/**
 * Ancestral sampling through {@link Sampler} (temperature, top-k, top-p): each sentence draws
 * {@code samples} independent outputs, token by token, until {@code <eos>} or the length limit
 * (where {@code <eos>} is forced). Sample {@code j} of sentence {@code i} draws from its own stream
 * {@code Seeds.derive(Seeds.derive(seed, i), j)}, so sentence {@code i}'s samples do not depend on the other
 * sentences of the batch. Hypotheses are ordered by decreasing log-probability under the model (not the filtered
 * distribution); their score is that log-probability.
 *
 * @param sampler temperature and filtering
 * @param samples outputs per sentence, {@code >= 1}
 * @param maxLength at most this many tokens per output, {@code <eos>} included
 * @param seed the run seed
 */
public record SamplingSearch(SamplerConfig sampler, int samples, int maxLength, long seed) implements Decoder {
  public SamplingSearch {
    Objects.requireNonNull(sampler, "sampler");
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, got " + samples);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
  }

  @Override
  public <S extends DecoderState<S>> List<List<Hypothesis>> decode(StepModel<S> model, S initial, int[] maxLengths) {
    int n = initial.rows();
    int m = n * samples;
    int[] limit = Decoder.limits(n, maxLengths, maxLength);
    int eos = model.eosId();
    Sampler draw = new Sampler(sampler);
    int[] expand = new int[m];
    SplittableRandom[] rng = new SplittableRandom[m];
    int[][] tokens = new int[m][];
    double[] logProb = new double[m];
    int[] length = new int[m];
    Hypothesis[] done = new Hypothesis[m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < samples; j++) {
        int r = i * samples + j;
        expand[r] = i;
        rng[r] = new SplittableRandom(Seeds.derive(Seeds.derive(seed, i), j));
        tokens[r] = new int[limit[i]];
      }
    }
    S state = initial.reorder(expand);
    int[] active = Decoder.iota(m);
    int[] last = new int[m];
    Arrays.fill(last, model.bosId());
    while (active.length > 0) {
      StepModel.Step<S> step = model.step(state, last);
      LogProbs lp = step.logProbs();
      int[] keep = new int[active.length];
      int kept = 0;
      for (int r = 0; r < active.length; r++) {
        int h = active[r];
        int t = length[h];
        int v = t + 1 >= limit[h / samples] ? eos : draw.sample(lp.row(r), rng[h]);
        logProb[h] += lp.get(r, v);
        tokens[h][t] = v;
        length[h] = t + 1;
        if (v == eos) {
          done[h] = new Hypothesis(Arrays.copyOf(tokens[h], t), logProb[h], logProb[h], t + 1);
        } else {
          keep[kept++] = r;
        }
      }
      int[] rows = Arrays.copyOf(keep, kept);
      int[] nextActive = new int[kept];
      int[] nextLast = new int[kept];
      for (int i = 0; i < kept; i++) {
        nextActive[i] = active[rows[i]];
        nextLast[i] = tokens[nextActive[i]][length[nextActive[i]] - 1];
      }
      state = kept == active.length ? step.state() : step.state().reorder(rows);
      active = nextActive;
      last = nextLast;
    }
    List<List<Hypothesis>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Hypothesis> h = new ArrayList<>(Arrays.asList(done).subList(i * samples, (i + 1) * samples));
      h.sort((a, b) -> Double.compare(b.logProb(), a.logProb()));
      out.add(List.copyOf(h));
    }
    return out;
  }

  @Override
  public String signature() {
    return sampler.signature() + "|n:" + samples + "|max:" + maxLength + "|seed:" + seed;
  }
}
