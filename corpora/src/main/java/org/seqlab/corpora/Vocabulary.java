package org.seqlab.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An immutable bijection between tokens and ids {@code 0..size()-1}, with corpus counts.
 *
 * <p>Layout: the {@link Specials} first (for {@link Specials#STANDARD}: {@code <pad>}=0, {@code
 * <unk>}=1, {@code <bos>}=2, {@code <eos>}=3), then the regular tokens sorted by descending count, ties
 * broken by {@link String#compareTo} (so the same counts always give the same ids). A special's count
 * is the number of times its literal text occurred in the counted corpus (usually 0).
 *
 * <p>{@link #id(String)} maps unknown tokens to {@link #UNK_ID} when the vocabulary has specials and
 * throws otherwise; {@link #find(String)} never throws. Saved by {@link #save(Path)} in a versioned,
 * CRC32-checked UTF-8 text format (see {@link VocabularyFormat}).
 *
 * <p>Thread-safe.
 */
public final class Vocabulary {
  /** Padding id under {@link Specials#STANDARD}; masks mark these positions 0. */
  public static final int PAD_ID = 0;
  /** Unknown-token id under {@link Specials#STANDARD}. */
  public static final int UNK_ID = 1;
  /** Begin-of-sequence id under {@link Specials#STANDARD}. */
  public static final int BOS_ID = 2;
  /** End-of-sequence id under {@link Specials#STANDARD}. */
  public static final int EOS_ID = 3;

  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String BOS = "<bos>";
  public static final String EOS = "<eos>";

  private final Specials specials;
  private final String[] tokens;
  private final long[] counts;
  private final Map<String, Integer> ids;
  private final long total;

  /**
   * @param tokens specials first, then regular tokens in canonical order
   * @throws IllegalArgumentException if the layout is not canonical (checked, since loaders call it)
   */
  Vocabulary(Specials specials, String[] tokens, long[] counts) {
    this.specials = Objects.requireNonNull(specials, "specials");
    if (tokens.length != counts.length) {
      throw new IllegalArgumentException(
          "tokens and counts must have equal length, got " + tokens.length + " and " + counts.length);
    }
    this.tokens = tokens.clone();
    this.counts = counts.clone();
    this.ids = new HashMap<>(Math.max(16, tokens.length * 4 / 3 + 1));
    long sum = 0;
    for (int i = 0; i < tokens.length; i++) {
      checkEntry(i);
      if (ids.put(this.tokens[i], i) != null) {
        throw new IllegalArgumentException("token '" + tokens[i] + "' appears twice (id " + i + ")");
      }
      sum += counts[i];
    }
    this.total = sum;
  }

  private void checkEntry(int i) {
    String t = tokens[i];
    if (t == null || t.isEmpty()) {
      throw new IllegalArgumentException("token at id " + i + " must be non-empty, got '" + t + "'");
    }
    if (counts[i] < 0) {
      throw new IllegalArgumentException("count of '" + t + "' must be >= 0, got " + counts[i]);
    }
    int first = specials.size();
    if (i < first) {
      if (!t.equals(specials.tokens().get(i))) {
        throw new IllegalArgumentException(
            "id " + i + " must be special token " + specials.tokens().get(i) + ", got '" + t + "'");
      }
    } else if (i > first && compare(i - 1, i) > 0) {
      throw new IllegalArgumentException(
          "tokens must be sorted by descending count then token, but '" + tokens[i - 1] + "' ("
              + counts[i - 1] + ") precedes '" + t + "' (" + counts[i] + ")");
    }
  }

  private int compare(int a, int b) {
    int c = Long.compare(counts[b], counts[a]);
    return c != 0 ? c : tokens[a].compareTo(tokens[b]);
  }

  /** Number of ids, specials included. */
  public int size() {
    return tokens.length;
  }

  public Specials specials() {
    return specials;
  }

  /** True when the vocabulary has reserved tokens (and {@link #id} maps unknowns to UNK). */
  public boolean hasSpecials() {
    return specials != Specials.NONE;
  }

  /** The first id of a regular token (0 or 4). */
  public int firstRegularId() {
    return specials.size();
  }

  /** The token with id {@code id}. */
  public String token(int id) {
    return tokens[checkId(id)];
  }

  /** How often token {@code id} occurred in the counted corpus. */
  public long count(int id) {
    return counts[checkId(id)];
  }

  /** {@code count(id) / totalCount()}, or 0 for an all-zero vocabulary. */
  public double frequency(int id) {
    return total == 0 ? 0.0 : (double) counts[checkId(id)] / total;
  }

  /** Sum of all counts (occurrences of the tokens kept, not of those dropped by min count). */
  public long totalCount() {
    return total;
  }

  /**
   * The id of {@code token}: {@link #UNK_ID} for unknown tokens when the vocabulary has specials.
   *
   * @throws IllegalArgumentException for an unknown token without specials
   */
  public int id(String token) {
    Integer id = ids.get(token);
    if (id != null) {
      return id;
    }
    if (hasSpecials()) {
      return UNK_ID;
    }
    throw new IllegalArgumentException(
        "token '" + token + "' is not in the vocabulary (" + size()
            + " tokens, no <unk>); use find() or a vocabulary with Specials.STANDARD");
  }

  /** The id of {@code token}, empty when unknown (never UNK). */
  public OptionalInt find(String token) {
    Integer id = ids.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The id of {@code token}, or -1 when unknown: the allocation-free form of {@link #find}. */
  public int indexOf(String token) {
    Integer id = ids.get(token);
    return id == null ? -1 : id;
  }

  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** Ids of {@code tokens} by {@link #id(String)}. */
  public int[] encode(List<String> tokens) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(tokens.get(i));
    }
    return out;
  }

  /**
   * {@code [BOS] + encode(tokens) + [EOS]}, the usual decoder input/target framing.
   *
   * @throws IllegalStateException if the vocabulary has no specials
   */
  public int[] encodeWithBoundaries(List<String> tokens) {
    if (!hasSpecials()) {
      throw new IllegalStateException(
          "encodeWithBoundaries needs <bos>/<eos>; build the vocabulary with Specials.STANDARD");
    }
    int[] out = new int[tokens.size() + 2];
    out[0] = BOS_ID;
    for (int i = 0; i < tokens.size(); i++) {
      out[i + 1] = id(tokens.get(i));
    }
    out[out.length - 1] = EOS_ID;
    return out;
  }

  /** Ids of the known tokens only, unknown ones skipped (how word2vec reads a sentence). */
  public int[] encodeKnown(List<String> tokens) {
    int[] out = new int[tokens.size()];
    int n = 0;
    for (String t : tokens) {
      Integer id = ids.get(t);
      if (id != null) {
        out[n++] = id;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * The tokens of {@code ids}.
   *
   * @throws IllegalArgumentException for an id outside {@code [0, size())}
   */
  public List<String> decode(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(token(id));
    }
    return out;
  }

  /** All tokens in id order (unmodifiable). */
  public List<String> tokens() {
    return Collections.unmodifiableList(Arrays.asList(tokens));
  }

  /** A copy of all counts in id order. */
  public long[] counts() {
    return counts.clone();
  }

  /** CRC32 of the saved payload as 8 hex digits: a short fingerprint to store with models. */
  public String checksum() {
    return VocabularyFormat.checksumHex(this);
  }

  /** Writes the vocabulary atomically in the versioned text format ({@link VocabularyFormat}). */
  public void save(Path path) throws IOException {
    VocabularyFormat.write(this, path);
  }

  /**
   * Reads a file written by {@link #save}.
   *
   * @throws CorpusFormatException naming the path and line if the file is malformed, truncated or its
   *     checksum does not match
   */
  public static Vocabulary load(Path path) throws IOException {
    return VocabularyFormat.read(path);
  }

  private int checkId(int id) {
    if (id < 0 || id >= tokens.length) {
      throw new IllegalArgumentException(
          "id must be in [0, " + tokens.length + "), got " + id);
    }
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v
        && specials == v.specials
        && Arrays.equals(tokens, v.tokens)
        && Arrays.equals(counts, v.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(tokens) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Vocabulary(size=" + size() + ", specials=" + specials + ", total=" + total + ")";
  }
}
