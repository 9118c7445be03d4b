package org.seqlab.corpora.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.junit.jupiter.api.Test;
import org.seqlab.corpora.Tokenizer;

class TokenizersTest {
  @Test
  void whitespace() {
    assertEquals(
        List.of("Hello,", "World!", "x"),
        new WhitespaceTokenizer().tokenize("  Hello,\tWorld!\n\u3000x  "));
    assertEquals(List.of("hello,", "world!"), new WhitespaceTokenizer(true).tokenize("Hello, WORLD!"));
    assertEquals(List.of(), new WhitespaceTokenizer().tokenize(" \n "));
    assertEquals(List.of("title"), new WhitespaceTokenizer(true).tokenize("TITLE"));
  }

  @Test
  void charactersAreCodePoints() {
    // 😀 is one code point but two UTF-16 chars; e + U+0301 is two code points
    String text = "a 😀\ne\u0301";
    assertEquals(
        List.of("a", " ", "😀", "\n", "e", "\u0301"), new CharacterTokenizer(true).tokenize(text));
    assertEquals(List.of("a", "😀", "e", "\u0301"), new CharacterTokenizer(false).tokenize(text));
  }

  @Test
  void coreNlpKeepsParenthesesByDefault() {
    Tokenizer t = new CoreNlpTokenizer();
    assertEquals(
        List.of("Hello", "(", "world", ")", "!", "Do", "n't", "stop", "in", "the", "U.S.", "."),
        t.tokenize("Hello (world)! Don't stop in the U.S.."));
    assertEquals(List.of("well-known", "$", "5.50"), t.tokenize("well-known $5.50"));
    assertEquals("tok:corenlp|lc:no|ptb3:no|hyphen:keep", t.signature());
  }

  @Test
  void coreNlpOptions() {
    CoreNlpTokenizer.Config base = CoreNlpTokenizer.Config.defaults();
    assertEquals(
        List.of("-LRB-", "x", "-RRB-", "``", "hi", "''"),
        new CoreNlpTokenizer(base.withPtb3Escaping(true)).tokenize("(x) \"hi\""));
    assertEquals(
        List.of("well", "-", "known"),
        new CoreNlpTokenizer(base.withSplitHyphenated(true)).tokenize("well-known"));
    assertEquals(
        List.of("the", "cat", "."), new CoreNlpTokenizer(base.withLowerCase(true)).tokenize("The CAT."));
    // a control character is dropped silently rather than logged
    assertEquals(List.of("a", "b"), new CoreNlpTokenizer().tokenize("a \u0001 b"));
  }

  @Test
  void luceneStandardAnalyzer() {
    try (LuceneTokenizer t = new LuceneTokenizer()) {
      assertEquals(List.of("the", "quick", "fox's", "jumps"), t.tokenize("The quick, fox's: jumps!"));
      assertEquals("tok:lucene|lc:yes|stop:none|max:255", t.signature());
    }
    LuceneTokenizer.Config cased = LuceneTokenizer.Config.defaults().withLowerCase(false);
    try (LuceneTokenizer t = new LuceneTokenizer(cased.withStopWords(LuceneTokenizer.StopWords.ENGLISH))) {
      // English stop words ("The", "and", "a") are matched ignoring case
      assertEquals(List.of("Cats", "dogs", "Zoo"), t.tokenize("The Cats and dogs, a Zoo"));
    }
    try (LuceneTokenizer t =
        new LuceneTokenizer(LuceneTokenizer.Config.defaults().withStopWords(LuceneTokenizer.StopWords.ENGLISH))) {
      assertEquals(List.of("cats", "dogs"), t.tokenize("The Cats and the dogs"));
    }
    try (LuceneTokenizer t = LuceneTokenizer.wrap(new WhitespaceAnalyzer(), "whitespace")) {
      assertEquals(List.of("A,", "b."), t.tokenize("A, b."));
      assertEquals("tok:lucene|analyzer:whitespace", t.signature());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new LuceneTokenizer.Config(true, LuceneTokenizer.StopWords.NONE, 0));
  }

  @Test
  void kindsCreateEveryTokenizer() {
    for (TokenizerKind k : TokenizerKind.values()) {
      Tokenizer t = k.create();
      assertTrue(t.signature().startsWith("tok:"), t.signature());
      assertTrue(!t.tokenize("Some text.").isEmpty(), k.name());
    }
    assertEquals(List.of("some", "text."), TokenizerKind.WHITESPACE.create(true).tokenize("Some text."));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TokenizerKind.CHARACTER.create(true));
    assertTrue(e.getMessage().contains("lowerCase"), e.getMessage());
  }

  @Test
  void tokenizersAreThreadSafe() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add("Sentence number " + i + " (with parens), and Don't-stop words #" + (i * 7));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (TokenizerKind k : TokenizerKind.values()) {
        Tokenizer t = k.create();
        List<List<String>> expected = new ArrayList<>();
        for (String s : texts) {
          expected.add(t.tokenize(s));
        }
        List<Future<List<List<String>>>> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          runs.add(pool.submit(() -> texts.stream().map(t::tokenize).toList()));
        }
        for (Future<List<List<String>>> f : runs) {
          assertEquals(expected, f.get(), k.name());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
