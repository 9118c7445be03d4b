package org.seqlab.corpora.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.seqlab.corpora.TextSource;

/**
 * Karpathy's tiny-shakespeare ({@code tinyshakespeare/input.txt}, 1,115,394 ASCII characters) for
 * character-level language models, with nanoGPT's split: the first 90% of the characters for
 * training, the rest for validation ({@code data[:int(n*0.9)]} / {@code data[int(n*0.9):]}). Lengths are
 * counted in Unicode code points, as Python does; a code point is never cut. Immutable.
 */
public final class TinyShakespeare {
  /** nanoGPT's training fraction. */
  public static final double TRAIN_FRACTION = 0.9;

  private final String text;
  private final int splitIndex; // char index of the first validation code point

  private TinyShakespeare(String text) {
    this.text = text;
    int codePoints = text.codePointCount(0, text.length());
    int trainCodePoints = (int) (codePoints * TRAIN_FRACTION);
    this.splitIndex = text.offsetByCodePoints(0, trainCodePoints);
  }

  /**
   * Reads {@code input.txt} (UTF-8).
   *
   * @throws IllegalArgumentException if the file is missing or empty
   */
  public static TinyShakespeare load(Path inputTxt) {
    TextSource source = TextSource.of(inputTxt);
    String text = Texts.readAll(source);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("corpus " + source + " is empty; expected text");
    }
    return new TinyShakespeare(text);
  }

  /** The whole text. */
  public String text() {
    return text;
  }

  /** The first 90% (by code points). */
  public String train() {
    return text.substring(0, splitIndex);
  }

  /** The last 10% (by code points). */
  public String validation() {
    return text.substring(splitIndex);
  }

  /**
   * The distinct characters (code points) in code point order: nanoGPT's {@code
   * sorted(list(set(data)))}, whose positions are its character ids.
   */
  public List<String> characters() {
    TreeSet<Integer> set = new TreeSet<>();
    text.codePoints().forEach(set::add);
    List<String> out = new ArrayList<>(set.size());
    for (int cp : set) {
      out.add(new String(Character.toChars(cp)));
    }
    return out;
  }
}
