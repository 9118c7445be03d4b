package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
  @Test
  void equalHashesStayApart() {
    // "Aa" and "BB" have the same String.hashCode (2112), as do "AaAa", "AaBB", "BBAa", "BBBB"
    TokenCounter c = new TokenCounter();
    char[] buf = "xxAaBBAaAaBBBB".toCharArray();
    c.add(buf, 2, 2);
    c.add(buf, 4, 2);
    c.add(buf, 6, 2);
    c.add("BB", 5);
    c.add(buf, 8, 4); // "AaBB"
    c.add(buf, 10, 4); // "BBBB"
    assertEquals(2, c.get("Aa"));
    assertEquals(6, c.get("BB"));
    assertEquals(1, c.get("AaBB"));
    assertEquals(1, c.get("BBBB"));
    assertEquals(0, c.get("AaAa"));
    assertEquals(4, c.size());
  }

  @Test
  void bothAddPathsMatchAHashMapThroughManyGrowths() {
    SplittableRandom rnd = new SplittableRandom(11);
    Map<String, Long> reference = new HashMap<>();
    TokenCounter c = new TokenCounter();
    char[] buf = new char[256];
    for (int i = 0; i < 200_000; i++) {
      // random lengths 1..40 (some long tokens fill the character pool quickly)
      int len = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 40 : 4);
      int off = rnd.nextInt(100);
      for (int j = 0; j < len; j++) {
        buf[off + j] = (char) ('a' + rnd.nextInt(6));
      }
      String t = new String(buf, off, len);
      reference.merge(t, 1L, Long::sum);
      if (rnd.nextBoolean()) {
        c.add(buf, off, len);
      } else {
        c.add(t, 1);
      }
    }
    assertEquals(reference.size(), c.size());
    List<String> order = new ArrayList<>();
    c.forEach((t, n) -> {
      assertEquals(reference.get(t), n, t);
      order.add(t);
    });
    assertEquals(reference.size(), order.size());
    for (String t : reference.keySet()) {
      assertEquals(reference.get(t), c.get(t), t);
    }
  }
}
