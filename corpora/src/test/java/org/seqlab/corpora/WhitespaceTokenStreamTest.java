package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhitespaceTokenStreamTest {
  private static final String[] SEPARATORS = {" ", "  ", "\t", "\n", "\r\n", "\u3000", " \n "};
  private static final String[] WORDS = {"the", "of", "zebra", "naïve", "日本語", "😀x", "a"};

  @TempDir Path dir;

  /** A random text over 64K chars and the tokens it holds (known by construction). */
  private static String randomText(long seed, int tokens, List<String> expected) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      sb.append(SEPARATORS[rnd.nextInt(SEPARATORS.length)]);
      String w = WORDS[rnd.nextInt(WORDS.length)] + rnd.nextInt(50);
      expected.add(w);
      sb.append(w);
    }
    return sb.toString();
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path p = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return p;
  }

  @Test
  void tokensAcrossBufferBoundariesAndPasses() throws IOException {
    List<String> expected = new ArrayList<>();
    Path p = write("text.txt", randomText(1, 40_000, expected));
    WhitespaceTokenStream s = WhitespaceTokenStream.open(p);
    assertEquals(expected, s.toList());
    assertEquals(expected, s.toList()); // restartable
  }

  @Test
  void zipEntryIsReadTransparently() throws IOException {
    List<String> expected = new ArrayList<>();
    Path z = zip("text8.zip", Map.of("text8", randomText(2, 30_000, expected)));
    assertEquals(expected, WhitespaceTokenStream.open(z).toList());
  }

  @Test
  void zipWithSeveralEntriesNeedsAName() throws IOException {
    Path z = zip("two.zip", Map.of("a.txt", "x y", "b.txt", "z"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WhitespaceTokenStream.open(z));
    assertTrue(e.getMessage().contains(z.toString()) && e.getMessage().contains("a.txt"), e.getMessage());
    assertEquals(List.of("z"), WhitespaceTokenStream.of(TextSource.zipEntry(z, "b.txt")).toList());
    assertThrows(IllegalArgumentException.class, () -> TextSource.zipEntry(z, "c.txt"));
  }

  @Test
  void tokenLongerThanTheBuffer() throws IOException {
    String longToken = "x".repeat(200_000);
    Path p = write("long.txt", " a " + longToken + "\nb");
    assertEquals(List.of("a", longToken, "b"), WhitespaceTokenStream.open(p).toList());
  }

  @Test
  void byteOrderMarkIsDropped() throws IOException {
    Path p = write("bom.txt", "\uFEFFhello world");
    assertEquals(List.of("hello", "world"), WhitespaceTokenStream.open(p).toList());
  }

  @Test
  void fastCountAgreesWithTheIterator() throws IOException {
    List<String> expected = new ArrayList<>();
    Path p = write("count.txt", randomText(3, 50_000, expected));
    Map<String, Long> reference = new HashMap<>();
    expected.forEach(t -> reference.merge(t, 1L, Long::sum));
    VocabularyBuilder fast = new VocabularyBuilder().addAll(WhitespaceTokenStream.open(p));
    assertEquals(expected.size(), fast.tokensSeen());
    assertEquals(reference.size(), fast.distinctTokens());
    reference.forEach((t, c) -> assertEquals(c, fast.count(t), t));
  }

  @Test
  void countAndEncodeKnown() throws IOException {
    Path p = write("e.txt", "b a c a\nb a zz");
    WhitespaceTokenStream s = WhitespaceTokenStream.open(p);
    assertEquals(7, s.count());
    // counts a=3, b=2, c=1, zz=1; min count 2 keeps a=0, b=1
    Vocabulary v = new VocabularyBuilder().addAll(s).build(VocabularyConfig.defaults().withMinCount(2));
    assertEquals(List.of("a", "b"), v.tokens());
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 0, 0, 1, 0}, s.encodeKnown(v));
  }

  @Test
  void sentencesChunkTheStream() throws IOException {
    Path p = write("s.txt", "a b c d e f g");
    assertEquals(
        List.of(List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g")),
        WhitespaceTokenStream.open(p).sentences(3).toList());
    assertThrows(IllegalArgumentException.class, () -> WhitespaceTokenStream.open(p).sentences(0));
  }

  @Test
  void earlyCloseStopsThePass() throws IOException {
    Path p = write("c.txt", "a b c");
    CorpusIterator<String> it = WhitespaceTokenStream.open(p).iterator();
    assertEquals("a", it.next());
    it.close();
    assertFalse(it.hasNext());
    it.close(); // idempotent
  }

  @Test
  void emptyAndMissingFilesAreNamed() throws IOException {
    Path empty = write("empty.txt", " \n\t ");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WhitespaceTokenStream.open(empty));
    assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("empty"), e.getMessage());
    Path missing = dir.resolve("missing.txt");
    e = assertThrows(IllegalArgumentException.class, () -> WhitespaceTokenStream.open(missing));
    assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
  }

  @Test
  void invalidUtf8NamesFileAndLine() throws IOException {
    Path p = dir.resolve("bad.txt");
    try (OutputStream out = Files.newOutputStream(p)) {
      out.write("one two\nthree\nfour ".getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'x'});
    }
    WhitespaceTokenStream s = WhitespaceTokenStream.open(p);
    List<String> seen = new ArrayList<>();
    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> s.forEach(seen::add));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith(p + ":3: invalid UTF-8"), e.getMessage());
    assertEquals(List.of("one", "two", "three", "four"), seen);
    assertThrows(CorpusFormatException.class, () -> new VocabularyBuilder().addAll(s));
  }
}
