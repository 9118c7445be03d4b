package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several CRF taggers over the same tag table decoded together: Viterbi under the sum of their
 * path scores ({@link LinearChainCrf#decodeSum}), that is, the best path of the product of the
 * models' unnormalised distributions. Each model reads the tokens through its own word and
 * character tables, so members may differ in vectors, features and sizes; they must share the tag
 * table (same tags, same order: taggers trained on the same data with the same
 * {@link TagScheme} do).
 */
public final class NerEnsemble {
  private final List<NerTagger> models;

  /**
   * @throws IllegalArgumentException if {@code models} is empty, holds a softmax tagger, or the
   *     tag tables differ (naming the member)
   */
  public NerEnsemble(List<NerTagger> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one tagger");
    }
    String tags = models.get(0).tags().serialize();
    for (int i = 0; i < models.size(); i++) {
      NerTagger m = models.get(i);
      if (m.crf() == null) {
        throw new IllegalArgumentException("member " + i + " (" + m + ") has no CRF layer; an ensemble decodes CRF scores");
      }
      if (!m.tags().serialize().equals(tags)) {
        throw new IllegalArgumentException("member " + i + " has the tags " + m.tags() + ", member 0 has " + models.get(0).tags());
      }
    }
    this.models = List.copyOf(models);
  }

  /** Loads every file ({@link NerTagger#load}); errors name the file. */
  public static NerEnsemble load(List<Path> files) throws IOException {
    List<NerTagger> ms = new ArrayList<>();
    for (Path f : files) {
      ms.add(NerTagger.load(f));
    }
    try {
      return new NerEnsemble(ms);
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot combine " + files + ": " + e.getMessage(), e);
    }
  }

  public List<NerTagger> members() {
    return models;
  }

  /** The IOB2 tags of each sentence (as {@link NerTagger#predict}). */
  public List<List<String>> predict(List<NerTagger.Sentence> sentences) {
    List<List<String>> out = new ArrayList<>(sentences.size());
    List<LinearChainCrf> crfs = models.stream().map(NerTagger::crf).toList();
    NerTagger first = models.get(0);
    for (int from = 0; from < sentences.size(); from += NerTagger.PREDICT_BATCH) {
      int to = Math.min(sentences.size(), from + NerTagger.PREDICT_BATCH);
      int[] lengths = new int[to - from];
      int t = 0;
      for (int i = from; i < to; i++) {
        lengths[i - from] = sentences.get(i).tokens().size();
        t = Math.max(t, lengths[i - from]);
      }
      List<double[]> scores = new ArrayList<>(models.size());
      for (NerTagger m : models) {
        scores.add(m.emissionScores(sentences, from, to));
      }
      for (int[] path : LinearChainCrf.decodeSum(crfs, scores, t, lengths)) {
        List<String> tags = new ArrayList<>(path.length);
        for (int id : path) {
          tags.add(first.outputTag(id));
        }
        out.add(List.copyOf(tags));
      }
    }
    return out;
  }

  /** The tags of one tokenized sentence. */
  public List<String> tag(List<String> tokens) {
    return predict(List.of(new NerTagger.Sentence(tokens, null))).get(0);
  }

  @Override
  public String toString() {
    return "NerEnsemble[" + models.size() + " taggers]";
  }
}
