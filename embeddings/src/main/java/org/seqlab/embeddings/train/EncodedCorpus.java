package org.seqlab.embeddings.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.seqlab.corpora.Corpus;
import org.seqlab.corpora.CorpusIterator;
import org.seqlab.corpora.Specials;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.corpora.VocabularyBuilder;
import org.seqlab.corpora.VocabularyConfig;
import org.seqlab.corpora.WhitespaceTokenStream;

/**
 * A training corpus held in memory as word ids: the vocabulary (no specials, most frequent word
 * first), one {@code int[]} of ids with out-of-vocabulary tokens dropped (as word2vec reads text),
 * and the sentence boundaries. Windows never cross a sentence boundary.
 *
 * <p>text8 (17M tokens) takes 68 MB of ids. Immutable (the arrays are never exposed).
 */
public final class EncodedCorpus {
  /** gensim's {@code Text8Corpus} cuts its one-line corpus into pseudo-sentences of this length. */
  public static final int DEFAULT_SENTENCE_LENGTH = 10_000;

  private final Vocabulary vocabulary;
  private final int[] ids;
  private final int[] starts; // sentence s is ids[starts[s], starts[s + 1])
  private final long rawTokens;

  private EncodedCorpus(Vocabulary vocabulary, int[] ids, int[] starts, long rawTokens) {
    this.vocabulary = vocabulary;
    this.ids = ids;
    this.starts = starts;
    this.rawTokens = rawTokens;
  }

  /**
   * Reads a whitespace-tokenised UTF-8 file (or single-entry zip such as {@code text8.zip}): one pass
   * to count, one to encode, cutting the token stream into pseudo-sentences of {@code sentenceLength}
   * tokens (counted before out-of-vocabulary tokens are dropped, as gensim does).
   *
   * @throws IllegalArgumentException if the file is missing or empty, or no word reaches {@code minCount}
   */
  public static EncodedCorpus fromTextFile(Path path, int minCount, int maxVocab, int sentenceLength) {
    requireAtLeast("sentenceLength", sentenceLength, 1);
    WhitespaceTokenStream stream = WhitespaceTokenStream.open(path);
    Vocabulary vocab = buildVocabulary(new VocabularyBuilder().addAll(stream), minCount, maxVocab, path);
    return encode(vocab, stream.sentences(sentenceLength));
  }

  /**
   * Counts and encodes in-memory or file-backed sentences (two passes over {@code sentences}).
   *
   * @throws IllegalArgumentException if no word reaches {@code minCount}
   */
  public static EncodedCorpus fromSentences(
      Corpus<? extends List<String>> sentences, int minCount, int maxVocab) {
    Objects.requireNonNull(sentences, "sentences");
    Vocabulary vocab =
        buildVocabulary(new VocabularyBuilder().addSentences(sentences), minCount, maxVocab, "sentences");
    return encode(vocab, sentences);
  }

  /**
   * Encodes {@code sentences} with an existing vocabulary (which must have no specials); unknown
   * tokens are dropped.
   */
  public static EncodedCorpus encode(Vocabulary vocab, Corpus<? extends List<String>> sentences) {
    Objects.requireNonNull(vocab, "vocab");
    if (vocab.hasSpecials()) {
      throw new IllegalArgumentException(
          "vocab must have no specials (Specials.NONE) for embedding training, got " + vocab.specials());
    }
    IntBuffer ids = new IntBuffer(1 << 16);
    IntBuffer starts = new IntBuffer(256);
    long raw = 0;
    try (CorpusIterator<? extends List<String>> it = sentences.iterator()) {
      while (it.hasNext()) {
        List<String> sentence = it.next();
        starts.add(ids.size);
        for (String token : sentence) {
          int id = vocab.indexOf(token);
          if (id >= 0) {
            ids.add(id);
          }
        }
        raw += sentence.size();
      }
    }
    starts.add(ids.size);
    return new EncodedCorpus(vocab, ids.toArray(), starts.toArray(), raw);
  }

  /**
   * A corpus of already encoded sentences (ids into {@code vocab}), for tests and generated data.
   *
   * @throws IllegalArgumentException for an id outside the vocabulary
   */
  public static EncodedCorpus ofIds(Vocabulary vocab, List<int[]> sentences) {
    Objects.requireNonNull(vocab, "vocab");
    int total = 0;
    for (int[] s : sentences) {
      total = Math.addExact(total, s.length);
    }
    int[] ids = new int[total];
    int[] starts = new int[sentences.size() + 1];
    int n = 0;
    for (int s = 0; s < sentences.size(); s++) {
      starts[s] = n;
      for (int id : sentences.get(s)) {
        if (id < 0 || id >= vocab.size()) {
          throw new IllegalArgumentException(
              "id " + id + " in sentence " + s + " is outside the vocabulary [0, " + vocab.size() + ")");
        }
        ids[n++] = id;
      }
    }
    starts[sentences.size()] = n;
    return new EncodedCorpus(vocab, ids, starts, total);
  }

  private static Vocabulary buildVocabulary(
      VocabularyBuilder counts, int minCount, int maxVocab, Object source) {
    requireAtLeast("minCount", minCount, 1);
    requireAtLeast("maxVocab", maxVocab, 1);
    Vocabulary vocab = counts.build(new VocabularyConfig(minCount, maxVocab, Specials.NONE));
    if (vocab.size() == 0) {
      throw new IllegalArgumentException(
          "no word of " + source + " occurs at least minCount=" + minCount + " times ("
              + counts.distinctTokens() + " distinct tokens); lower minCount");
    }
    return vocab;
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Number of sentences. */
  public int sentenceCount() {
    return starts.length - 1;
  }

  /** In-vocabulary tokens (what training iterates over). */
  public long tokenCount() {
    return ids.length;
  }

  /** Tokens read, out-of-vocabulary ones included. */
  public long rawTokenCount() {
    return rawTokens;
  }

  /** A copy of sentence {@code s}'s ids. */
  public int[] sentence(int s) {
    return Arrays.copyOfRange(ids, sentenceStart(s), sentenceEnd(s));
  }

  /** Counts of each vocabulary id within this corpus (equals the vocabulary counts when built here). */
  public long[] idCounts() {
    long[] c = new long[vocabulary.size()];
    for (int id : ids) {
      c[id]++;
    }
    return c;
  }

  int sentenceStart(int s) {
    return starts[s];
  }

  int sentenceEnd(int s) {
    return starts[s + 1];
  }

  /** The shared id array: trainers read it, never write it. */
  int[] idsUnsafe() {
    return ids;
  }

  /** A growable int array. */
  private static final class IntBuffer {
    int[] data;
    int size;

    IntBuffer(int capacity) {
      data = new int[capacity];
    }

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, Math.max(16, data.length + (data.length >> 1)));
      }
      data[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
