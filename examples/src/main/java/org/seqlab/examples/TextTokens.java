package org.seqlab.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word tokenisation of the sentiment examples: lower-cased (ROOT locale) runs of letters and
 * digits, with an apostrophe suffix kept ({@code it's}, {@code n't} forms of pre-tokenised text),
 * and every other non-space character as a token of its own.
 */
public final class TextTokens {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?|'[\\p{L}]+|[^\\s\\p{L}\\p{N}]");

  /** Stored with models as {@code text.tokenizer}. */
  public static final String SIGNATURE = "regex-words|lc:1";

  private TextTokens() {}

  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
