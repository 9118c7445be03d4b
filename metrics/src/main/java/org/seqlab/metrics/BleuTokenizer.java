package org.seqlab.metrics;

import java.util.regex.Pattern;

/**
 * The tokenisers sacreBLEU 2.x applies before counting n-grams. Each maps a line to a string whose
 * whitespace-separated pieces are the tokens.
 */
public enum BleuTokenizer {
  /** mteval-v13a, the WMT standard (sacreBLEU's default). */
  THIRTEEN_A("13a") {
    @Override
    public String apply(String line) {
      String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
      if (s.indexOf('&') >= 0) {
        s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
      }
      s = " " + s + " ";
      s = SYMBOLS.matcher(s).replaceAll(" $1 ");
      s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(s).replaceAll("$1 $2 ");
      s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
      s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
      return PyText.normalizeSpaces(s);
    }
  },
  /** mteval-v14 international: Unicode punctuation and symbols. */
  INTL("intl") {
    @Override
    public String apply(String line) {
      String s = INTL_PUNCT_AFTER_NON_NUMBER.matcher(line).replaceAll("$1 $2 ");
      s = INTL_PUNCT_BEFORE_NON_NUMBER.matcher(s).replaceAll(" $1 $2");
      s = INTL_SYMBOL.matcher(s).replaceAll(" $1 ");
      return PyText.normalizeSpaces(s);
    }
  },
  /** Every code point is a token (for languages without spaces). */
  CHAR("char") {
    @Override
    public String apply(String line) {
      StringBuilder sb = new StringBuilder(line.length() * 2);
      line.codePoints()
          .forEach(
              cp -> {
                if (sb.length() > 0) {
                  sb.append(' ');
                }
                sb.appendCodePoint(cp);
              });
      return sb.toString();
    }
  },
  /** No tokenisation: the input is already tokenised. */
  NONE("none") {
    @Override
    public String apply(String line) {
      return line;
    }
  };

  // 13a: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
  private static final Pattern SYMBOLS = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
  private static final Pattern INTL_PUNCT_AFTER_NON_NUMBER = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern INTL_PUNCT_BEFORE_NON_NUMBER = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern INTL_SYMBOL = Pattern.compile("(\\p{S})");

  private final String signature;

  BleuTokenizer(String signature) {
    this.signature = signature;
  }

  /** Tokenises one line; the result's whitespace-separated pieces are the tokens. */
  public abstract String apply(String line);

  /** The name sacreBLEU uses in signatures and on its command line ({@code 13a}, {@code intl}, ...). */
  public String signature() {
    return signature;
  }

  /**
   * Looks a tokeniser up by its sacreBLEU name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static BleuTokenizer fromName(String name) {
    for (BleuTokenizer t : values()) {
      if (t.signature.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown BLEU tokenizer '" + name + "'; expected one of 13a, intl, char, none");
  }
}
