package org.seqlab.attention.caption;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;
import org.seqlab.metrics.BleuScore;

/**
 * Caption quality on held-out renders: corpus BLEU-4 against every correct caption of each scene
 * (sacreBLEU defaults: 13a tokenisation, exponential smoothing, variable number of references), and
 * the exact-match rate (the caption equals one of the scene's references).
 *
 * @param split the scenes scored
 * @param scenes how many (scene indices {@code 0 .. scenes-1} of the split)
 * @param decoding the search, e.g. {@code beam|k:5|alpha:0.7|max:40}
 * @param bleu BLEU-4 on the 0-1 scale (sacreBLEU's score / 100)
 * @param bleuSignature sacreBLEU-style signature of the BLEU settings
 * @param exactMatch fraction of captions equal to a reference
 * @param examples the first few (caption, canonical reference) pairs
 */
public record CaptionEvaluation(
    SceneSplit split, int scenes, String decoding, double bleu, String bleuSignature, double exactMatch,
    List<String[]> examples) {
  /** Scenes per {@link CaptionModel#describeAll} call. */
  private static final int CHUNK = 64;

  /** Scores {@code model} on scenes {@code 0 .. n-1} of {@code split}. */
  public static CaptionEvaluation evaluate(CaptionModel model, SceneGenerator scenes, SceneSplit split, int n, DecodeOptions options) {
    Objects.requireNonNull(model, "model");
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    List<String> hyps = new ArrayList<>(n);
    List<List<String>> refs = new ArrayList<>(n);
    for (int from = 0; from < n; from += CHUNK) {
      List<BufferedImage> imgs = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + CHUNK); i++) {
        SceneGenerator.Example e = scenes.example(split, i);
        imgs.add(e.image());
        refs.add(e.scene().references());
      }
      for (Caption c : model.describeAll(imgs, options)) {
        hyps.add(c.text());
      }
    }
    return score(split, options.signature(), hyps, refs);
  }

  /** BLEU and exact match of {@code hyps} against per-scene reference lists. */
  static CaptionEvaluation score(SceneSplit split, String decoding, List<String> hyps, List<List<String>> refs) {
    int maxRefs = refs.stream().mapToInt(List::size).max().orElse(1);
    List<List<String>> streams = new ArrayList<>();
    for (int r = 0; r < maxRefs; r++) {
      List<String> stream = new ArrayList<>(hyps.size());
      for (List<String> ref : refs) {
        stream.add(r < ref.size() ? ref.get(r) : null);
      }
      streams.add(stream);
    }
    BleuScore bleu = new Bleu(BleuConfig.corpusDefaults()).corpusScore(hyps, streams);
    int exact = 0;
    List<String[]> examples = new ArrayList<>();
    for (int i = 0; i < hyps.size(); i++) {
      if (refs.get(i).contains(hyps.get(i))) {
        exact++;
      }
      if (examples.size() < 5) {
        examples.add(new String[] {hyps.get(i), refs.get(i).get(0)});
      }
    }
    return new CaptionEvaluation(split, hyps.size(), decoding, bleu.score() / 100, bleu.signature(),
        (double) exact / hyps.size(), List.copyOf(examples));
  }

  /** One line, e.g. {@code novel  500 scenes  beam|k:5|...  BLEU-4 0.953  exact 81.2%}. */
  public String format() {
    return String.format(Locale.ROOT, "%-5s %5d scenes  %-28s BLEU-4 %.4f  exact match %5.1f%%",
        split.name().toLowerCase(Locale.ROOT), scenes, decoding, bleu, 100 * exactMatch);
  }
}
