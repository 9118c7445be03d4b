package org.seqlab.sequence;

import java.util.List;
import java.util.Locale;

/**
 * Token features of the NER tagger: the normalised word (lower-cased, every digit replaced by
 * {@code 0}, as in Lample et al. 2016), its characters (case kept, at most {@link #MAX_CHARS}) and
 * a casing class.
 */
public final class NerFeatures {
  /** Characters of a word read by the character BiLSTM (longer words are cut). */
  public static final int MAX_CHARS = 24;

  /** Casing classes; id 0 is padding. */
  public static final List<String> CASINGS =
      List.of("<pad>", "numeric", "mostly-numeric", "lower", "upper", "initial-upper", "contains-digit", "other");

  private NerFeatures() {}

  /** Lower-cased with every decimal digit replaced by {@code 0}. */
  public static String normalize(String word) {
    String lw = word.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lw.length());
    lw.codePoints().forEach(c -> sb.appendCodePoint(Character.isDigit(c) ? '0' : c));
    return sb.toString();
  }

  /** The casing class id of a raw token ({@link #CASINGS}). */
  public static int casing(String word) {
    int digits = 0;
    int letters = 0;
    int upper = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      digits += Character.isDigit(c) ? 1 : 0;
      letters += Character.isLetter(c) ? 1 : 0;
      upper += Character.isUpperCase(c) ? 1 : 0;
    }
    int n = word.length();
    if (n > 0 && digits == n) {
      return 1;
    }
    if (digits * 2 > n) {
      return 2;
    }
    if (letters > 0 && upper == 0 && digits == 0) {
      return 3;
    }
    if (letters > 0 && upper == letters && digits == 0) {
      return 4;
    }
    if (letters > 0 && Character.isUpperCase(word.charAt(0)) && upper == 1 && digits == 0) {
      return 5;
    }
    if (digits > 0) {
      return 6;
    }
    return 7;
  }
}
