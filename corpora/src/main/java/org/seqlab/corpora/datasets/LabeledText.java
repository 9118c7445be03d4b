package org.seqlab.corpora.datasets;

import java.util.Objects;

/**
 * A text with a class label.
 *
 * @param text the sentence
 * @param label the class id, >= 0
 */
public record LabeledText(String text, int label) {
  public LabeledText {
    Objects.requireNonNull(text, "text");
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
  }
}
