package org.seqlab.attention;

import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.Tokenizer;

/**
 * How a model's text is cut into tokens and glued back. Both kinds are reversible up to whitespace
 * runs, so that outputs can be detokenised for sacreBLEU-style scoring against raw references.
 */
public enum Segmentation implements Tokenizer {
  /**
   * Words and single punctuation characters. Letters, digits and combining marks form words; every
   * other non-space character is a token of its own. A token written directly after the previous one
   * (no space between them in the text) carries the joiner {@link #JOINER} in front, as in OpenNMT's
   * tokenizer: {@code "A dog's ball."} gives {@code A dog ￭' ￭s ball ￭.}.
   */
  WORDS("words"),
  /** Code points, spaces included (for character models such as date normalisation). */
  CHARACTERS("chars");

  /** The joiner, U+FFED. */
  public static final String JOINER = "\uFFED";

  private final String label;

  Segmentation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    if (this == CHARACTERS) {
      text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int i = 0;
    int n = text.length();
    boolean space = true; // whether whitespace (or the start) precedes the next token
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = true;
        i += Character.charCount(cp);
        continue;
      }
      int j = i + Character.charCount(cp);
      if (isWordChar(cp)) {
        while (j < n && isWordChar(text.codePointAt(j))) {
          j += Character.charCount(text.codePointAt(j));
        }
      }
      String tok = text.substring(i, j);
      out.add(space || out.isEmpty() ? tok : JOINER + tok);
      space = false;
      i = j;
    }
    return out;
  }

  /** Glues tokens back into text: the inverse of {@link #tokenize} up to runs of whitespace. */
  public String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    if (this == CHARACTERS) {
      tokens.forEach(sb::append);
      return sb.toString();
    }
    for (String t : tokens) {
      if (t.startsWith(JOINER) && t.length() > JOINER.length()) {
        sb.append(t, JOINER.length(), t.length());
      } else {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t);
      }
    }
    return sb.toString();
  }

  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  @Override
  public String signature() {
    return "seg:" + label;
  }

  /** The kind with this {@link #label()}. */
  public static Segmentation fromLabel(String label) {
    for (Segmentation s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown segmentation '" + label + "'; expected words or chars");
  }
}
