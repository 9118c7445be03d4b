package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written tokenisers against sacreBLEU's regexes, transcribed verbatim as an oracle. */
class TokenizerTest {
  // sacreBLEU 2.6.0 sacrebleu/tokenizers/tokenizer_re.py, in order
  private static final Pattern[] RE_13A = {
    Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"),
    Pattern.compile("([^0-9])([\\.,])"),
    Pattern.compile("([\\.,])([^0-9])"),
    Pattern.compile("([0-9])(-)"),
  };
  private static final String[] REPL_13A = {" $1 ", "$1 $2 ", " $1 $2", "$1 $2 "};

  // characters that matter to 13a, plus letters, digits, whitespace and a surrogate pair
  private static final String[] ALPHABET = {
    ".", ",", "-", "0", "7", "a", "Z", " ", "\t", "\n", "&", "&quot;", "&amp;", "&lt;", "&gt;",
    "<skipped>", "<", ">", "\"", "'", "/", "\\", "{", "~", "[", "`", "(", "+", ":", "@", "$", "%",
    "😀", "é", "\u00a0", "\u3000", "\u2028", "\u0663", "…", "«", "_", "|", "*", "=", "?"
  };

  /** sacreBLEU's Tokenizer13a.__call__ with java.util.regex doing the substitutions. */
  private static String regex13a(String line) {
    String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (s.contains("&")) {
      s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    s = " " + s + " ";
    for (int i = 0; i < RE_13A.length; i++) {
      s = RE_13A[i].matcher(s).replaceAll(REPL_13A[i]);
    }
    return PyText.normalizeSpaces(s);
  }

  private static String randomLine(SplittableRandom rng) {
    StringBuilder sb = new StringBuilder();
    int n = rng.nextInt(0, 30);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET[rng.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  @Test
  void thirteenAMatchesTheRegexFormOnRandomStrings() {
    SplittableRandom rng = new SplittableRandom(13);
    for (int k = 0; k < 20_000; k++) {
      String line = randomLine(rng);
      assertEquals(regex13a(line), BleuTokenizer.THIRTEEN_A.apply(line), () -> "line <" + line + ">");
    }
  }

  @Test
  void thirteenAHandCases() {
    // symbols are padded; a period or comma is split off unless a digit precedes AND follows it;
    // a dash is split off after a digit.
    assertEquals(
        "It costs $ 5.50 , or 1,000 yen - i . e . 10 - 20 % .",
        BleuTokenizer.THIRTEEN_A.apply("It costs $5.50, or 1,000 yen - i.e. 10-20%."));
    assertEquals("\" a & b < c > \"", BleuTokenizer.THIRTEEN_A.apply("&quot;a &amp; b &lt;c&gt;&quot;"));
    // unescaping is sequential: "&amp;lt;" becomes "&lt;" and then "<"; "&amp;quot;" stays "&quot;"
    assertEquals("< & quot ;", BleuTokenizer.THIRTEEN_A.apply("&amp;lt; &amp;quot;"));
    assertEquals("a b", BleuTokenizer.THIRTEEN_A.apply("a<skipped> b"));
    assertEquals("ab c", BleuTokenizer.THIRTEEN_A.apply("a-\nb\nc"));
    // "a..": the first match consumes "a.", so the second period is split by the third rule only
    assertEquals("a . .", BleuTokenizer.THIRTEEN_A.apply("a.."));
    assertEquals("3.14", BleuTokenizer.THIRTEEN_A.apply("3.14"));
    assertEquals("2024 .", BleuTokenizer.THIRTEEN_A.apply("2024."));
  }

  @Test
  void intlSplitsUnicodePunctuationAndSymbols() {
    // \p{P} (the hyphen too) next to a non-number is split off; "3.14" keeps its period; \p{S} always
    assertEquals("« Bonjour » , dit - il … 3.14 € ©", BleuTokenizer.INTL.apply("«Bonjour», dit-il… 3.14€©"));
    // unlike 13a, a final "2024." keeps its period (mteval-v14 does not pad the line)
    assertEquals("2024.", BleuTokenizer.INTL.apply("2024."));
    // Java's \p{P} without UNICODE_CHARACTER_CLASS is already the Unicode category
    assertEquals(
        Pattern.compile("\\p{P}").matcher("«»…，。").replaceAll("x"),
        Pattern.compile("\\p{P}", Pattern.UNICODE_CHARACTER_CLASS).matcher("«»…，。").replaceAll("x"));
  }

  @Test
  void charAndNone() {
    assertEquals("d o g", BleuTokenizer.CHAR.apply("dog"));
    // code points, not UTF-16 units; spaces vanish in the final split
    assertEquals("a 😀 b", BleuTokenizer.CHAR.apply("a😀 b"));
    assertEquals(" a  b ", BleuTokenizer.NONE.apply(" a  b "));
  }

  @Test
  void pythonWhitespace() {
    // str.split() separators include U+001C..U+001F, U+0085 and U+3000 but not U+200B or U+FEFF
    assertEquals(java.util.List.of("a", "b", "c", "d\u200be\ufeff"), PyText.split("a\u001cb\u0085c\u3000d\u200be\ufeff"));
    assertEquals("a", PyText.rstrip("a \u2028\u00a0"));
  }
}
