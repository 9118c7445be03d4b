package org.seqlab.corpora;

import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link VocabularyBuilder} turns counts into a {@link Vocabulary}.
 *
 * @param minCount tokens seen fewer times are dropped (word2vec's {@code min_count}); at least 1
 * @param maxSize at most this many regular tokens (the most frequent) are kept, specials not counted;
 *     {@link Integer#MAX_VALUE} for no limit
 * @param specials reserved tokens placed before the regular ones
 */
public record VocabularyConfig(int minCount, int maxSize, Specials specials) {
  /** Unlimited size. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  public VocabularyConfig {
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
    }
    if (maxSize < 1) {
      throw new IllegalArgumentException(
          "maxSize must be >= 1 (VocabularyConfig.UNLIMITED for no limit), got " + maxSize);
    }
    Objects.requireNonNull(specials, "specials");
  }

  /** Keeps every token, no specials. */
  public static VocabularyConfig defaults() {
    return new VocabularyConfig(1, UNLIMITED, Specials.NONE);
  }

  public VocabularyConfig withMinCount(int value) {
    return new VocabularyConfig(value, maxSize, specials);
  }

  public VocabularyConfig withMaxSize(int value) {
    return new VocabularyConfig(minCount, value, specials);
  }

  public VocabularyConfig withSpecials(Specials value) {
    return new VocabularyConfig(minCount, maxSize, value);
  }

  /** For example {@code vocab|min:5|max:all|specials:none}. */
  public String signature() {
    String max = maxSize == UNLIMITED ? "all" : Integer.toString(maxSize);
    return "vocab|min:" + minCount + "|max:" + max + "|specials:"
        + specials.name().toLowerCase(Locale.ROOT);
  }
}
