package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyFormatTest {
  @TempDir Path dir;

  private static Path golden(Path dir) throws IOException {
    Path p = dir.resolve("golden.txt");
    try (InputStream in = VocabularyFormatTest.class.getResourceAsStream("vocab-v1-golden.txt")) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  @Test
  void goldenFileKeepsLoading() throws IOException {
    // written by hand (CRC32 from Python's zlib), not by VocabularyFormat
    Vocabulary v = Vocabulary.load(golden(dir));
    assertEquals(Specials.STANDARD, v.specials());
    assertEquals(
        List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "café", "a\tb", "back\\slash", "日本"),
        v.tokens());
    assertArrayEquals(new long[] {0, 1, 0, 0, 5, 3, 2, 2, 1}, v.counts());
    assertEquals("f786f1b8", v.checksum());
  }

  @Test
  void saveWritesTheGoldenBytes() throws IOException {
    Vocabulary v = Vocabulary.load(golden(dir));
    Path out = dir.resolve("again.txt");
    v.save(out);
    assertArrayEquals(Files.readAllBytes(golden(dir)), Files.readAllBytes(out));
  }

  @Test
  void roundTripOfAwkwardTokensLeavesNoTempFiles() throws IOException {
    VocabularyBuilder b = new VocabularyBuilder();
    for (String t : List.of("\n", "\r", "\\", "\\t", "x\ty", "😀", " ", "ß", "\\n")) {
      b.add(t);
    }
    b.add("😀");
    Vocabulary v = b.build(VocabularyConfig.defaults());
    Path p = dir.resolve("sub/vocab.txt");
    v.save(p);
    v.save(p); // replaces atomically
    assertEquals(v, Vocabulary.load(p));
    try (Stream<Path> files = Files.list(p.getParent())) {
      assertEquals(List.of(p), files.toList());
    }
  }

  @Test
  void changedCountFailsTheChecksum() throws IOException {
    Path p = golden(dir);
    String text = Files.readString(p, StandardCharsets.UTF_8).replace("the\t5", "the\t6");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> Vocabulary.load(p));
    assertTrue(e.getMessage().startsWith(p + ": checksum mismatch"), e.getMessage());
  }

  @Test
  void truncatedFileNamesPathAndLine() throws IOException {
    Path p = golden(dir);
    byte[] all = Files.readAllBytes(p);
    Files.write(p, Arrays.copyOf(all, all.length - 4)); // cuts into the last line "日本\t1\n"
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> Vocabulary.load(p));
    assertEquals(10, e.line());
    assertTrue(e.getMessage().startsWith(p + ":10: "), e.getMessage());
  }

  @Test
  void missingLinesAreReportedAsTruncation() throws IOException {
    Path p = golden(dir);
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    Files.write(p, lines.subList(0, 6), StandardCharsets.UTF_8);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> Vocabulary.load(p));
    assertTrue(e.getMessage().contains("size=9 but the file has 5 entries"), e.getMessage());
  }

  @Test
  void malformedLinesAndHeaders() throws IOException {
    Path p = dir.resolve("bad.txt");
    Files.writeString(p, "#seqlab-vocabulary v1 specials=none size=1 crc32=00000000\nno-tab\n");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> Vocabulary.load(p));
    assertTrue(e.getMessage().startsWith(p + ":2: expected 'token<TAB>count'"), e.getMessage());

    Files.writeString(p, "#seqlab-vocabulary v9 specials=none size=0 crc32=00000000\n");
    e = assertThrows(CorpusFormatException.class, () -> Vocabulary.load(p));
    assertTrue(e.getMessage().contains("unsupported version 'v9'"), e.getMessage());

    Files.writeString(p, "the\t5\n");
    e = assertThrows(CorpusFormatException.class, () -> Vocabulary.load(p));
    assertEquals(1, e.line());
  }

  @Test
  void invalidUtf8NamesTheLine() throws IOException {
    Path p = dir.resolve("latin1.txt");
    byte[] head = "#seqlab-vocabulary v1 specials=none size=2 crc32=00000000\nok\t2\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'c', 'a', 'f', (byte) 0xE9, '\t', '1', '\n'};
    byte[] all = Arrays.copyOf(head, head.length + bad.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    Files.write(p, all);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> Vocabulary.load(p));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void missingFileNamesThePath() {
    Path p = dir.resolve("nope.txt");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Vocabulary.load(p));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
  }
}
