package org.seqlab.sequence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Characters (Unicode code points) of a character-level model and their ids: id 0 is reserved for
 * code points never seen in training, ids {@code 1..n} are the training text's distinct code points
 * in code point order. Immutable.
 */
public final class CharVocabulary {
  /** The id of every unknown code point. */
  public static final int UNKNOWN = 0;

  private final int[] codePoints; // id - 1 -> code point
  private final Map<Integer, Integer> ids = new HashMap<>();

  private CharVocabulary(int[] codePoints) {
    this.codePoints = codePoints;
    for (int i = 0; i < codePoints.length; i++) {
      if (ids.put(codePoints[i], i + 1) != null) {
        throw new IllegalArgumentException("duplicate code point U+" + Integer.toHexString(codePoints[i]));
      }
    }
  }

  /** The distinct code points of {@code text}. */
  public static CharVocabulary of(String text) {
    TreeSet<Integer> set = new TreeSet<>();
    text.codePoints().forEach(set::add);
    if (set.isEmpty()) {
      throw new IllegalArgumentException("text is empty; a vocabulary needs at least one character");
    }
    return new CharVocabulary(set.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Ids 1..n for the given code points, in that order. */
  public static CharVocabulary ofCodePoints(int[] codePoints) {
    return new CharVocabulary(codePoints.clone());
  }

  /** Number of ids, the unknown id included. */
  public int size() {
    return codePoints.length + 1;
  }

  public int id(int codePoint) {
    return ids.getOrDefault(codePoint, UNKNOWN);
  }

  /** The code point of an id ({@code U+FFFD} for {@link #UNKNOWN}). */
  public int codePoint(int id) {
    if (id < 0 || id >= size()) {
      throw new IllegalArgumentException("id " + id + " is outside [0, " + size() + ")");
    }
    return id == UNKNOWN ? 0xFFFD : codePoints[id - 1];
  }

  public boolean contains(int codePoint) {
    return ids.containsKey(codePoint);
  }

  /** The ids of every code point of {@code text}. */
  public int[] encode(String text) {
    return text.codePoints().map(this::id).toArray();
  }

  public String decode(int[] ids) {
    StringBuilder sb = new StringBuilder();
    for (int id : ids) {
      sb.appendCodePoint(codePoint(id));
    }
    return sb.toString();
  }

  /** The code points as comma-separated hex, for model files: {@code a,20,21}. */
  public String serialize() {
    StringBuilder sb = new StringBuilder();
    for (int cp : codePoints) {
      sb.append(sb.length() == 0 ? "" : ",").append(Integer.toHexString(cp));
    }
    return sb.toString();
  }

  /**
   * Parses {@link #serialize()}.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static CharVocabulary parse(String s) {
    String[] parts = s.split(",", -1);
    int[] cps = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        cps[i] = Integer.parseInt(parts[i].toLowerCase(Locale.ROOT), 16);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("vocabulary entry " + i + " '" + parts[i] + "' is not a hex code point", e);
      }
      if (!Character.isValidCodePoint(cps[i])) {
        throw new IllegalArgumentException("vocabulary entry " + i + " is not a valid code point: " + parts[i]);
      }
    }
    return new CharVocabulary(cps);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CharVocabulary v && Arrays.equals(codePoints, v.codePoints);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(codePoints);
  }
}
