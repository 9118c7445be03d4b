package org.seqlab.attention.caption;

import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.Specials;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.corpora.VocabularyBuilder;
import org.seqlab.corpora.VocabularyConfig;

/**
 * The caption vocabulary: the standard specials ({@code <pad> <unk> <bos> <eos>}) and every word the
 * scene templates can produce, each with count 1 (so the ids are alphabetical and the vocabulary,
 * with its checksum, is the same in every run).
 */
public final class CaptionVocabulary {
  private CaptionVocabulary() {}

  /** Every word of the caption language. */
  public static List<String> words() {
    List<String> w = new ArrayList<>(List.of("a", "there", "is", "on", "its", "own", "to", "the", "left", "right", "of",
        "above", "below", ",", "and", "from", "top", "bottom"));
    for (SizeKind s : SizeKind.values()) {
      w.add(s.word());
    }
    for (ColourKind c : ColourKind.values()) {
      w.add(c.word());
    }
    for (ShapeKind s : ShapeKind.values()) {
      w.add(s.word());
    }
    return w;
  }

  /** The vocabulary of {@link #words()}. */
  public static Vocabulary standard() {
    return of(words());
  }

  /** A vocabulary of the given words, each counted once, with the standard specials. */
  static Vocabulary of(List<String> words) {
    VocabularyBuilder b = new VocabularyBuilder();
    for (String w : words) {
      b.add(w, 1);
    }
    return b.build(VocabularyConfig.defaults().withMinCount(1).withSpecials(Specials.STANDARD));
  }
}
