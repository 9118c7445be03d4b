package org.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.Fixtures;
import org.seqlab.embeddings.WordVectors;

class WordVectorsFormatTest {
  @TempDir Path dir;

  private Path resource(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream(name)) {
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
    }
    return p;
  }

  private static void assertCToolFixture(WordVectors v) {
    assertEquals(List.of("</s>", "the", "naïve"), v.words());
    assertEquals(4, v.dim());
    assertArrayEquals(new float[] {0.001f, -0.002f, 0.003f, 0.004f}, v.vector("</s>"), 0f);
    assertArrayEquals(new float[] {0.5f, -1.25f, 2f, 0f}, v.vector("the"), 0f);
    assertArrayEquals(new float[] {1.5f, 2.5f, -3.5f, 4.25f}, v.vector("naïve"), 0f);
  }

  @Test
  void readsCToolText() throws IOException {
    Path p = resource("c-tool.w2v.txt");
    assertEquals(VectorsFormat.WORD2VEC_TEXT, VectorsFormat.detect(p));
    assertCToolFixture(WordVectorsFormat.read(p, VectorsFormat.WORD2VEC_TEXT));
    assertCToolFixture(WordVectorsFormat.read(p));
  }

  @Test
  void readsCToolBinary() throws IOException {
    Path p = resource("c-tool.w2v.bin");
    assertEquals(VectorsFormat.WORD2VEC_BINARY, VectorsFormat.detect(p));
    assertCToolFixture(WordVectorsFormat.read(p));
  }

  @Test
  void readsGloveText() throws IOException {
    Path p = resource("stanford.glove.txt");
    assertEquals(VectorsFormat.GLOVE_TEXT, VectorsFormat.detect(p));
    WordVectors v = WordVectorsFormat.read(p);
    assertEquals(List.of("the", "of", "naïve"), v.words());
    assertArrayEquals(new float[] {0.001f, -20f, 3f, 4f}, v.vector("of"), 0f);
  }

  @Test
  void readsGensimBinaryWithoutNewlines() throws IOException {
    // gensim writes "word " + float32 bytes with no newline between records
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("2 2\n".getBytes(StandardCharsets.US_ASCII));
    b.put("a ".getBytes(StandardCharsets.US_ASCII)).putFloat(1f).putFloat(-2f);
    b.put("bb ".getBytes(StandardCharsets.US_ASCII)).putFloat(0.5f).putFloat(8f);
    Path p = dir.resolve("gensim.bin");
    Files.write(p, Arrays.copyOf(b.array(), b.position()));
    WordVectors v = WordVectorsFormat.read(p, VectorsFormat.WORD2VEC_BINARY);
    assertEquals(List.of("a", "bb"), v.words());
    assertArrayEquals(new float[] {0.5f, 8f}, v.vector("bb"), 0f);
  }

  @Test
  void goldenSidecarV1KeepsLoadingAndWriterReproducesIt() throws IOException {
    Path p = resource("golden-v1.w2v.bin");
    resource("golden-v1.w2v.bin.seqlab.json");
    VectorsSidecar s = WordVectorsFormat.sidecar(p).orElseThrow();
    assertEquals(1, s.version());
    assertEquals("golden|v:1", s.signature());
    assertEquals(VectorsFormat.WORD2VEC_BINARY, s.format());
    WordVectors v = WordVectorsFormat.read(p);
    assertEquals(List.of("king", "queen", "man", "woman"), v.words());
    assertArrayEquals(new float[] {-1f, -2f, -3.5f}, v.vector("woman"), 0f);
    Path again = dir.resolve("again.bin");
    VectorsSidecar s2 = WordVectorsFormat.write(again, v, VectorsFormat.WORD2VEC_BINARY, "golden|v:1");
    assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again));
    assertEquals(s, s2);
  }

  @Test
  void roundTripsAllFormatsExactly() throws IOException {
    WordVectors v = Fixtures.random(50, 7, 3);
    for (VectorsFormat f : VectorsFormat.values()) {
      Path p = dir.resolve("rt-" + f.id());
      WordVectorsFormat.write(p, v, f, "test|v:1");
      assertEquals(f, VectorsFormat.detect(p));
      WordVectors back = WordVectorsFormat.read(p);
      assertEquals(v.words(), back.words(), f.id());
      assertArrayEquals(v.matrix(), back.matrix(), 0f, f.id());
      assertTrue(Files.exists(VectorsSidecar.pathFor(p)));
      try (var files = Files.list(dir)) {
        assertFalse(files.anyMatch(x -> x.getFileName().toString().endsWith(".tmp")), "no temp files left behind");
      }
    }
  }

  @Test
  void sidecarCatchesModifiedFile() throws IOException {
    Path p = dir.resolve("v.bin");
    WordVectorsFormat.write(p, Fixtures.random(5, 3, 1), VectorsFormat.WORD2VEC_BINARY, "test|v:1");
    byte[] bytes = Files.readAllBytes(p);
    bytes[bytes.length - 2] ^= 1; // flip a bit of the last float
    Files.write(p, bytes);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WordVectorsFormat.read(p));
    assertTrue(e.getMessage().startsWith(p + ": SHA-256"), e.getMessage());
    Files.writeString(VectorsSidecar.pathFor(p), "{\"kind\": \"seqlab-word-vectors-sidecar\", \"version\": 9}");
    e = assertThrows(CorpusFormatException.class, () -> WordVectorsFormat.read(p));
    assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    Files.delete(VectorsSidecar.pathFor(p));
    assertEquals(5, WordVectorsFormat.read(p).size(), "without a sidecar nothing is checked");
  }

  @Test
  void textErrorsNamePathAndLine() throws IOException {
    assertTextError("2 3\na 1 2 3\nb 1 2\n", VectorsFormat.WORD2VEC_TEXT, ":3: expected 3 values after \"b\", got 2");
    assertTextError("3 2\na 1 2\nb 1 2\n", VectorsFormat.WORD2VEC_TEXT, "announces 3 vectors but the file has 2");
    assertTextError("1 2\na 1 2\nb 1 2\n", VectorsFormat.WORD2VEC_TEXT, ":3: more vectors than the 1");
    assertTextError("2 2\na 1 2\nb 1 x\n", VectorsFormat.WORD2VEC_TEXT, ":3: value 2 of \"b\" is not a finite number: 'x'");
    assertTextError("2 2\na 1 2\na 3 4\n", VectorsFormat.WORD2VEC_TEXT, ":3: duplicate word \"a\" (first at line 2)");
    assertTextError("a b\n", VectorsFormat.WORD2VEC_TEXT, ":1: expected a header line");
    assertTextError("a 1 2\nb 1\n", VectorsFormat.GLOVE_TEXT, ":2: expected 2 values after \"b\", got 1");
    Path bad = dir.resolve("latin1.txt");
    Files.write(bad, new byte[] {'1', ' ', '1', '\n', 'c', 'a', 'f', (byte) 0xE9, ' ', '1', '\n'});
    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> WordVectorsFormat.read(bad, VectorsFormat.WORD2VEC_TEXT));
    assertTrue(e.getMessage().startsWith(bad + ":2"), e.getMessage());
  }

  private void assertTextError(String content, VectorsFormat f, String expected) throws IOException {
    Path p = dir.resolve("bad.txt");
    Files.writeString(p, content, StandardCharsets.UTF_8);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WordVectorsFormat.read(p, f));
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "got: " + e.getMessage() + "\nwanted: " + expected);
  }

  @Test
  void binaryErrorsNamePathAndRecord() throws IOException {
    byte[] good = Files.readAllBytes(resource("c-tool.w2v.bin"));
    // truncated in the middle of the last vector
    assertBinaryError(Arrays.copyOf(good, good.length - 6), "truncated");
    // header says 4 records, file has 3
    byte[] more = good.clone();
    more[0] = '4';
    assertBinaryError(more, "truncated");
    // header says 2 records, file has 3; records start at bytes 4, 26 ("</s> " + 16 + 1) and 47
    byte[] fewer = good.clone();
    fewer[0] = '2';
    assertBinaryError(fewer, "record 3 (byte 47): more data after the 2 records");
    // word "naïve" with Latin-1 0xEF for the two UTF-8 bytes C3 AF: 'n' 'a' 0xEF 'v' 'e' is not UTF-8
    byte[] shifted = new byte[good.length - 1];
    System.arraycopy(good, 0, shifted, 0, 49);
    shifted[49] = (byte) 0xEF;
    System.arraycopy(good, 51, shifted, 50, good.length - 51);
    assertBinaryError(shifted, "record 3 (byte 47): the word is not valid UTF-8: bytes 6e 61 ef 76 65");
    // no header
    assertBinaryError("hello".getBytes(StandardCharsets.US_ASCII), ":1: expected a header line");
  }

  private void assertBinaryError(byte[] content, String expected) throws IOException {
    Path p = dir.resolve("bad.bin");
    Files.write(p, content);
    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> WordVectorsFormat.read(p, VectorsFormat.WORD2VEC_BINARY));
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "got: " + e.getMessage() + "\nwanted: " + expected);
  }

  @Test
  void writerRejectsWordsWithSpaces() {
    WordVectors v = WordVectors.of(List.of("new york"), new float[] {1}, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WordVectorsFormat.write(dir.resolve("x.txt"), v, VectorsFormat.WORD2VEC_TEXT, "t|v:1"));
    assertTrue(e.getMessage().contains("new york"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("x.txt")));
  }
}
