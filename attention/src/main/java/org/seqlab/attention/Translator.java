package org.seqlab.attention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.seqlab.decoding.BeamSearch;
import org.seqlab.decoding.BeamSearchConfig;
import org.seqlab.decoding.Decoder;
import org.seqlab.decoding.GreedySearch;
import org.seqlab.decoding.Hypothesis;
import org.seqlab.decoding.StepModel;

/**
 * Translates text with a saved {@link Seq2SeqModel}: tokenises, encodes, decodes (greedy or beam)
 * and detokenises, in length-sorted batches.
 *
 * <p>Thread-safe: the model is immutable and every call allocates its own state, so one translator
 * can serve concurrent requests (as an HTTP server does).
 *
 * {@snippet :
 * Translator t = Translator.load(Path.of("models/de-en"));
 * List<Translator.Translation> out = t.translate(List.of("Ein Hund rennt."), Translator.Options.beam(5, 0.7));
 * String english = out.get(0).text();
 * }
 */
public final class Translator {
  /**
   * Decoding settings.
   *
   * @param beamSize 1 for greedy search, else beam search of this width
   * @param alpha length normalisation exponent of beam search ({@code 0} = none)
   * @param nBest translations returned per sentence, in {@code [1, beamSize]}
   * @param maxLengthRatio outputs have at most {@code maxLengthRatio * sourceTokens + 10} tokens
   * @param allowUnknown whether {@code <unk>} may appear in outputs
   * @param batchSize sentences decoded together
   */
  public record Options(int beamSize, double alpha, int nBest, double maxLengthRatio, boolean allowUnknown, int batchSize) {
    public Options {
      if (beamSize < 1) {
        throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
      }
      if (!(alpha >= 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
      }
      if (nBest < 1 || nBest > beamSize) {
        throw new IllegalArgumentException("nBest must be in [1, beamSize = " + beamSize + "], got " + nBest);
      }
      if (!(maxLengthRatio > 0)) {
        throw new IllegalArgumentException("maxLengthRatio must be > 0, got " + maxLengthRatio);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
      }
    }

    /** Greedy decoding. */
    public static Options greedy() {
      return new Options(1, 0, 1, 2.0, false, 64);
    }

    /** Beam search of width {@code k} with length normalisation {@code alpha}. */
    public static Options beam(int k, double alpha) {
      return new Options(k, alpha, 1, 2.0, false, 64);
    }

    public Options withNBest(int n) {
      return new Options(beamSize, alpha, n, maxLengthRatio, allowUnknown, batchSize);
    }

    public Options withAllowUnknown(boolean v) {
      return new Options(beamSize, alpha, nBest, maxLengthRatio, v, batchSize);
    }

    Decoder decoder(int cap) {
      return beamSize == 1 && nBest == 1 ? new GreedySearch(cap)
          : new BeamSearch(BeamSearchConfig.of(beamSize).withNBest(nBest).withMaxLength(cap).withAlpha(alpha));
    }

    /** For example {@code beam|k:5|alpha:0.7|n:1|len:2x+10|unk:0}. */
    public String signature() {
      return String.format(Locale.ROOT, "%s|k:%d|alpha:%s|n:%d|len:%sx+10|unk:%d", beamSize == 1 ? "greedy" : "beam",
          beamSize, alpha, nBest, maxLengthRatio, allowUnknown ? 1 : 0);
    }
  }

  /**
   * One translation.
   *
   * @param text the detokenised output
   * @param tokens the output tokens
   * @param logProb {@code log P(output | source)} with {@code <eos>}
   * @param score the beam objective
   */
  public record Translation(String text, List<String> tokens, double logProb, double score) {}

  private final Seq2SeqModel model;

  public Translator(Seq2SeqModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /** Loads a model directory ({@link Seq2SeqFiles}). */
  public static Translator load(Path dir) throws IOException {
    return new Translator(Seq2SeqModel.load(dir));
  }

  public Seq2SeqModel model() {
    return model;
  }

  /** The best translation of one text. */
  public Translation translate(String text, Options options) {
    return translate(List.of(text), options).get(0);
  }

  /**
   * Translates texts; the result has one entry per text, in order.
   *
   * @throws IllegalArgumentException naming the index of a null or blank text
   */
  public List<Translation> translate(List<String> texts, Options options) {
    return translateNBest(texts, options).stream().map(l -> l.get(0)).toList();
  }

  /** Translates texts keeping the {@code options.nBest()} best outputs of each, best first. */
  public List<List<Translation>> translateNBest(List<String> texts, Options options) {
    Objects.requireNonNull(options, "options");
    int n = texts.size();
    List<int[]> sources = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("text " + i + " is " + (t == null ? "null" : "blank") + "; nothing to translate");
      }
      sources.add(model.encodeSource(t));
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> sources.get(i).length));
    StepModel<Seq2SeqState> view = options.allowUnknown() ? model.forDecoding() : model.forDecodingWithoutUnknown();
    List<List<Translation>> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
    for (int from = 0; from < n; from += options.batchSize()) {
      int to = Math.min(n, from + options.batchSize());
      List<int[]> batch = new ArrayList<>(to - from);
      int[] limits = new int[to - from];
      for (int k = from; k < to; k++) {
        int[] s = sources.get(order[k]);
        batch.add(s);
        limits[k - from] = (int) Math.ceil(options.maxLengthRatio() * s.length) + 10;
      }
      int cap = Arrays.stream(limits).max().orElse(1);
      List<List<Hypothesis>> hyps = options.decoder(cap).decode(view, model.encode(batch), limits);
      for (int k = from; k < to; k++) {
        List<Translation> ts = new ArrayList<>();
        for (Hypothesis h : hyps.get(k - from)) {
          int[] ids = h.tokens();
          ts.add(new Translation(model.decodeTarget(ids), model.targetVocabulary().decode(ids), h.logProb(), h.score()));
        }
        out.set(order[k], List.copyOf(ts));
      }
    }
    return out;
  }
}
