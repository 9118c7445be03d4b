package org.seqlab.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.seqlab.corpora.SentencePair;
import org.seqlab.corpora.Specials;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.corpora.VocabularyBuilder;
import org.seqlab.corpora.VocabularyConfig;

/**
 * Sentence pairs encoded for a {@link Seq2SeqModel}: sources as ids ending in {@code <eos>},
 * targets as ids without boundaries, with the vocabularies and segmentations that produced them.
 *
 * @param sourceVocabulary ids of the source side (standard specials)
 * @param targetVocabulary ids of the target side (standard specials)
 * @param sourceSegmentation how source text was tokenised
 * @param targetSegmentation how target text was tokenised
 * @param sources per pair, source ids with a final {@code <eos>}
 * @param targets per pair, target ids
 */
public record Seq2SeqData(Vocabulary sourceVocabulary, Vocabulary targetVocabulary, Segmentation sourceSegmentation,
    Segmentation targetSegmentation, List<int[]> sources, List<int[]> targets) {
  public Seq2SeqData {
    Objects.requireNonNull(sourceVocabulary, "sourceVocabulary");
    Objects.requireNonNull(targetVocabulary, "targetVocabulary");
    Objects.requireNonNull(sourceSegmentation, "sourceSegmentation");
    Objects.requireNonNull(targetSegmentation, "targetSegmentation");
    sources = List.copyOf(sources);
    targets = List.copyOf(targets);
    if (sources.size() != targets.size()) {
      throw new IllegalArgumentException("got " + sources.size() + " sources and " + targets.size() + " targets");
    }
  }

  /**
   * Builds vocabularies from {@code pairs} (with standard specials) and encodes them.
   *
   * @param minCount source and target tokens seen fewer times become {@code <unk>}
   * @throws IllegalArgumentException when {@code pairs} is empty
   */
  public static Seq2SeqData build(List<SentencePair> pairs, Segmentation source, Segmentation target, int minCount) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no sentence pairs to build vocabularies from");
    }
    VocabularyBuilder sb = new VocabularyBuilder();
    VocabularyBuilder tb = new VocabularyBuilder();
    for (SentencePair p : pairs) {
      source.tokenize(p.source()).forEach(sb::add);
      target.tokenize(p.target()).forEach(tb::add);
    }
    VocabularyConfig vc = VocabularyConfig.defaults().withSpecials(Specials.STANDARD).withMinCount(minCount);
    return encode(pairs, sb.build(vc), tb.build(vc), source, target);
  }

  /** Encodes pairs with existing vocabularies (unknown tokens become {@code <unk>}). */
  public static Seq2SeqData encode(List<SentencePair> pairs, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
      Segmentation source, Segmentation target) {
    List<int[]> src = new ArrayList<>(pairs.size());
    List<int[]> tgt = new ArrayList<>(pairs.size());
    for (SentencePair p : pairs) {
      List<String> s = source.tokenize(p.source());
      int[] ids = java.util.Arrays.copyOf(sourceVocabulary.encode(s), s.size() + 1);
      ids[s.size()] = Vocabulary.EOS_ID;
      src.add(ids);
      tgt.add(targetVocabulary.encode(target.tokenize(p.target())));
    }
    return new Seq2SeqData(sourceVocabulary, targetVocabulary, source, target, src, tgt);
  }

  /** Encodes more pairs (validation, test) with this data's vocabularies. */
  public Seq2SeqData encodeLike(List<SentencePair> pairs) {
    return encode(pairs, sourceVocabulary, targetVocabulary, sourceSegmentation, targetSegmentation);
  }

  public int size() {
    return sources.size();
  }

  /** Target tokens plus one {@code <eos>} per pair: the positions the loss is averaged over. */
  public long targetTokens() {
    return targets.stream().mapToLong(t -> t.length + 1L).sum();
  }
}
