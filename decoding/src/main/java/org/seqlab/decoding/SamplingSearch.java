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
    int[] sentenceLimit = Decoder.limits(n, maxLengths, maxLength);
    Sampler draw = new Sampler(sampler);
    int[] expand = new int[m];
    int[] limit = new int[m];
    SplittableRandom[] rng = new SplittableRandom[m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < samples; j++) {
        int r = i * samples + j;
        expand[r] = i;
        limit[r] = sentenceLimit[i];
        rng[r] = new SplittableRandom(Seeds.derive(Seeds.derive(seed, i), j));
      }
    }
    Hypothesis[] done = RowUnroll.run(model, initial.reorder(expand), limit, (lp, r, row) -> draw.sample(lp.row(r), rng[row]));
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
