package org.seqlab.corpora.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.datasets.WordNetAntonyms.Pair;

/** A hand-written database in the WordNet 3.0 data-file format (offsets and glosses invented). */
class WordNetAntonymsTest {
  static final String HEADER = "  1 hand-written test fixture in the WordNet 3.0 data format\n";
  @TempDir Path dir;

  void write(String noun, String adj) throws IOException {
    Files.writeString(dir.resolve("data.noun"), HEADER + noun, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("data.verb"), HEADER, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("data.adj"), HEADER + adj, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("data.adv"), HEADER, StandardCharsets.ISO_8859_1);
  }

  static final String NOUN = """
      00000100 03 n 02 Happiness 0 felicity 0 001 ! 00000200 n 0000 | a state of well-being
      00000200 03 n 01 unhappiness 0 001 ! 00000100 n 0000 | the opposite
      """;
  static final String ADJ = """
      00000010 00 a 01 good 0 003 ! 00000020 a 0101 ! 00000020 a 0102 & 00000030 s 0000 | having desirable qualities
      00000020 00 a 02 bad 0 big_trouble(a) 0 001 ! 00000010 a 0101 | not good
      00000030 00 s 01 nice 0 001 & 00000010 a 0000 | pleasant; similar to good, not an antonym of anything
      """;

  @Test
  void lexicalAndSemanticPointersGiveSortedUnorderedPairs() throws IOException {
    write(NOUN, ADJ);
    // good<->bad appears in both directions and once more as lemma 2 (big_trouble, marker dropped);
    // the semantic noun pointer (0000) pairs every lemma of one synset with every lemma of the other;
    // "&" (similar to) is not an antonym; lemmas are lower-cased
    assertEquals(List.of(new Pair("bad", "good"), new Pair("big_trouble", "good"), new Pair("felicity", "unhappiness"),
        new Pair("happiness", "unhappiness")), WordNetAntonyms.read(dir));
  }

  @Test
  void missingDirectoryOrFileNamesIt() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordNetAntonyms.read(dir.resolve("none")));
    assertTrue(e.getMessage().contains("none") && e.getMessage().contains("wordnet-base"), e.getMessage());
    write(NOUN, ADJ);
    Files.delete(dir.resolve("data.adv"));
    e = assertThrows(IllegalArgumentException.class, () -> WordNetAntonyms.read(dir));
    assertTrue(e.getMessage().contains("data.adv"), e.getMessage());
  }

  @Test
  void malformedLinesNameFileAndLine() throws IOException {
    // line 3: announces 3 pointers but has 1
    write(NOUN, "00000010 00 a 01 good 0 001 ! 00000020 a 0101 | x\n00000020 00 a 01 bad 0 003 ! 00000010 a 0101 | y\n");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WordNetAntonyms.read(dir));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("data.adj") && e.getMessage().contains("ends after"), e.getMessage());
    // a signed source/target field
    write(NOUN, "00000010 00 a 01 good 0 001 ! 00000020 a -1ff | x\n00000020 00 a 01 bad 0 000 | y\n");
    e = assertThrows(CorpusFormatException.class, () -> WordNetAntonyms.read(dir));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("\"-1ff\" is not four hexadecimal digits"), e.getMessage());
    // a pointer whose offset is not a number
    write(NOUN, "00000010 00 a 01 good 0 001 ! 0000x020 a 0101 | x\n");
    e = assertThrows(CorpusFormatException.class, () -> WordNetAntonyms.read(dir));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("0000x020"), e.getMessage());
    // a non-hexadecimal lemma count
    write("00000100 03 n zz happiness 0 000 | x\n", ADJ);
    e = assertThrows(CorpusFormatException.class, () -> WordNetAntonyms.read(dir));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("data.noun"), e.getMessage());
  }

  @Test
  void danglingPointerOrLemmaNumberIsAFormatError() throws IOException {
    write(NOUN, "00000010 00 a 01 good 0 001 ! 00000099 a 0101 | x\n");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WordNetAntonyms.read(dir));
    assertTrue(e.getMessage().contains("00000099") && e.getMessage().contains("data.adj"), e.getMessage());
    assertEquals(2, e.line());
    write(NOUN, "00000010 00 a 01 good 0 001 ! 00000020 a 0103 | x\n00000020 00 a 01 bad 0 000 | y\n");
    e = assertThrows(CorpusFormatException.class, () -> WordNetAntonyms.read(dir));
    assertTrue(e.getMessage().contains("lemma 3 of synset 00000020, which has 1"), e.getMessage());
  }
}
