package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
  @TempDir Path dir;

  /** A corpus that counts open and closed passes. */
  private static final class Counting implements Corpus<Integer> {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public CorpusIterator<Integer> iterator() {
      opened.incrementAndGet();
      CorpusIterator<Integer> inner = CorpusIterator.wrap(List.of(1, 2, 3, 4, 5).iterator());
      return new CorpusIterator<>() {
        @Override
        public boolean hasNext() {
          return inner.hasNext();
        }

        @Override
        public Integer next() {
          return inner.next();
        }

        @Override
        public void close() {
          closed.incrementAndGet();
        }
      };
    }
  }

  @Test
  void mapFilterAreLazyAndRestartable() {
    Counting c = new Counting();
    Corpus<String> view = c.filter(i -> i % 2 == 1).map(i -> "n" + i);
    assertEquals(0, c.opened.get());
    assertEquals(List.of("n1", "n3", "n5"), view.toList());
    assertEquals(List.of("n1", "n3", "n5"), view.toList());
    assertEquals(3, view.count());
    assertEquals(3, c.opened.get());
    assertEquals(3, c.closed.get());
  }

  @Test
  void forEachAndStreamClosePasses() {
    Counting c = new Counting();
    List<Integer> seen = new ArrayList<>();
    assertThrows(IllegalStateException.class, () -> c.forEach(i -> {
      seen.add(i);
      if (i == 2) {
        throw new IllegalStateException("stop");
      }
    }));
    assertEquals(List.of(1, 2), seen);
    assertEquals(1, c.closed.get());
    try (Stream<Integer> s = c.stream()) {
      assertEquals(2, s.filter(i -> i > 3).count());
    }
    assertEquals(2, c.closed.get());
  }

  @Test
  void inMemoryCorpusCopiesItsList() {
    List<String> items = new ArrayList<>(List.of("a", "b"));
    Corpus<String> c = Corpus.of(items);
    items.add("c");
    assertEquals(List.of("a", "b"), c.toList());
    CorpusIterator<String> it = c.filter(s -> s.equals("z")).iterator();
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void decodingErrorLineIsExactAcrossBufferBoundaries() throws IOException {
    // 30,000 lines of 7 bytes: about 210 KB, several 64 KB decoder buffers before the bad byte
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 30_000; i++) {
      sb.append(String.format(java.util.Locale.ROOT, "%06d\n", i));
    }
    byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[good.length + 3];
    System.arraycopy(good, 0, all, 0, good.length);
    all[good.length] = 'x';
    all[good.length + 1] = (byte) 0xFF; // never valid in UTF-8
    all[good.length + 2] = '\n';
    Path p = dir.resolve("big.txt");
    Files.write(p, all);
    LineCorpus c = LineCorpus.open(p);
    List<String> seen = new ArrayList<>();
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> c.forEach(seen::add));
    assertEquals(30_001, e.line());
    assertTrue(e.getMessage().contains("byte offset " + (good.length + 1)), e.getMessage());
    assertEquals(30_000, seen.size());
  }
}
