package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.tokenize.WhitespaceTokenizer;

class TextCorporaTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private Path gzip(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void linesAreRestartableAndNumbered() throws IOException {
    LineCorpus c = LineCorpus.open(write("l.txt", "a b\r\n\nc\n"));
    assertEquals(List.of("a b", "", "c"), c.toList());
    assertEquals(List.of("a b", "", "c"), c.toList());
    assertEquals(List.of("a b", "c"), c.nonBlank().toList());
    assertEquals(List.of(new Line(1, "a b"), new Line(2, ""), new Line(3, "c")), c.numbered().toList());
    assertEquals(3, c.count());
  }

  @Test
  void gzipFilesAreReadTransparently() throws IOException {
    LineCorpus c = LineCorpus.open(gzip("l.txt.gz", "über\nzwei\n"));
    assertEquals(List.of("über", "zwei"), c.toList());
  }

  @Test
  void sentenceCorpusTokenizesNonBlankLines() throws IOException {
    SentenceCorpus s = LineCorpus.open(write("s.txt", "The cat\n\n  \nsat  down\n")).tokenized(new WhitespaceTokenizer(true));
    assertEquals(List.of(List.of("the", "cat"), List.of("sat", "down")), s.toList());
  }

  @Test
  void emptyMissingAndInvalidFilesAreNamed() throws IOException {
    Path empty = write("empty.txt", "\n \n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineCorpus.open(empty));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    Path zero = write("zero.txt", "");
    assertThrows(IllegalArgumentException.class, () -> LineCorpus.open(zero));
    Path missing = dir.resolve("nope.txt");
    e = assertThrows(IllegalArgumentException.class, () -> LineCorpus.open(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

    Path bad = dir.resolve("bad.txt");
    byte[] head = "first\nsecond\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 4];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = 'o';
    all[head.length + 1] = 'k';
    all[head.length + 2] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    all[head.length + 3] = '\n';
    Files.write(bad, all);
    LineCorpus c = LineCorpus.open(bad);
    CorpusFormatException f = assertThrows(CorpusFormatException.class, c::toList);
    assertEquals(3, f.line());
    assertTrue(f.getMessage().startsWith(bad + ":3: invalid UTF-8"), f.getMessage());
  }

  @Test
  void explicitCharsetDecodesLegacyFiles() throws IOException {
    Path p = dir.resolve("cp1252.txt");
    Files.write(p, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x97, '\n'});
    assertThrows(CorpusFormatException.class, () -> LineCorpus.open(p));
    LineCorpus c = LineCorpus.of(TextSource.of(p).withCharset(java.nio.charset.Charset.forName("windows-1252")));
    assertEquals(List.of("café \u2014"), c.toList());
  }

  @Test
  void alignedPairs() throws IOException {
    Path en = write("train.en", "A dog .\nTwo cats\n");
    Path de = gzip("train.de.gz", "Ein Hund .\nZwei Katzen\n");
    Corpus<SentencePair> c = ParallelCorpus.aligned(en, de);
    assertEquals(List.of(new SentencePair("A dog .", "Ein Hund ."), new SentencePair("Two cats", "Zwei Katzen")), c.toList());
    assertEquals(c.toList(), c.toList());
    WhitespaceTokenizer ws = new WhitespaceTokenizer();
    assertEquals(
        new TokenizedPair(List.of("Two", "cats"), List.of("Zwei", "Katzen")),
        c.toList().get(1).tokenize(ws, ws));
    assertEquals(new SentencePair("b", "a"), new SentencePair("a", "b").reversed());
  }

  @Test
  void mismatchedLineCountsNameBothFiles() throws IOException {
    Path en = write("a.en", "one\ntwo\nthree\n");
    Path fr = write("a.fr", "un\ndeux\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParallelCorpus.aligned(en, fr));
    String m = e.getMessage();
    assertTrue(m.contains(en.toString()) && m.contains(fr.toString()) && m.contains("3") && m.contains("2"), m);
  }

  @Test
  void tabSeparatedPairsIgnoreExtraColumns() throws IOException {
    Path p = write("fra.txt", "Go.\tVa !\tCC-BY 2.0 (France) Attribution\nRun!\tCours !\n\n");
    assertEquals(
        List.of(new SentencePair("Go.", "Va !"), new SentencePair("Run!", "Cours !")),
        ParallelCorpus.tabSeparated(p).toList());
    Path bad = write("bad.txt", "Go.\tVa !\nno tab here\n");
    Corpus<SentencePair> c = ParallelCorpus.tabSeparated(bad);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, c::toList);
    assertTrue(e.getMessage().startsWith(bad + ":2: expected at least 2 tab-separated columns"), e.getMessage());
  }

  @Test
  void conllReaderOnHandWrittenFixture() throws IOException {
    Path p = dir.resolve("conll.txt");
    try (InputStream in = getClass().getResourceAsStream("conll-tiny.txt")) {
      Files.write(p, in.readAllBytes());
    }
    ConllReader r = ConllReader.open(p);
    List<ConllSentence> s = r.toList();
    assertEquals(3, s.size());
    assertEquals(List.of("Alice", "visited", "Paris", "."), s.get(0).words());
    assertEquals(List.of("NNP", "VBD", "NNP", "."), s.get(0).pos());
    assertEquals(List.of("I-NP", "I-VP", "I-NP", "O"), s.get(0).chunk());
    assertEquals(List.of("I-PER", "O", "I-LOC", "O"), s.get(0).ner());
    assertEquals(3, s.get(0).firstLine());
    assertEquals(List.of("Bob", "smiled"), s.get(1).words());
    assertEquals(List.of("I-ORG", "O", "I-MISC"), s.get(2).ner());
    assertEquals(14, s.get(2).firstLine());
    assertEquals(s, r.toList());
  }

  @Test
  void malformedConllLineNamesPathLineAndColumns() throws IOException {
    Path p = write("bad.conll", "A DT I-NP O\nb NN I-NP\n");
    ConllReader r = ConllReader.of(TextSource.of(write("ok.conll", "x X O O\n")));
    assertEquals(1, r.count());
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> ConllReader.open(p));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(p + ":2: expected 4 columns"), e.getMessage());
    Path onlyDoc = write("doc.conll", "-DOCSTART- -X- O O\n\n");
    assertThrows(IllegalArgumentException.class, () -> ConllReader.open(onlyDoc));
  }
}
