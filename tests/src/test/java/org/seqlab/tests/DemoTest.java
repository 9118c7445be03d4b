package org.seqlab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.seqlab.cli.Main;

/** The README's first command, {@code seqlab demo}, runs and every stage reports a sane result. */
class DemoTest {
  @Test
  void demoRunsEveryStage() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "demo");
    String s = out.toString();
    assertEquals(0, code, err.toString());
    assertTrue(s.contains("corenlp    : 24 tokens"), s);
    assertTrue(s.contains("decoded back     : <bos> a recurrent network reads"), s);
    // the same value sacreBLEU 2.6.0 prints for the bundled files
    assertTrue(s.contains("version:2.6.0 = 34.8 77.3/51.3/29.4/13.8 (BP = 0.978"), s);
    assertTrue(s.contains("predictions [0, 1, 1, 0]"), s);
    // planted topics: every word's neighbours come from its own topic
    assertTrue(s.contains("words whose 3 nearest neighbours share their topic: 24/24"), s);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("exact match on 300 held-out dates: greedy ([0-9.]+) %, beam 3 ([0-9.]+) %").matcher(s);
    assertTrue(m.find(), s);
    assertTrue(Double.parseDouble(m.group(1)) > 50 && Double.parseDouble(m.group(2)) > 50, m.group());
    assertTrue(s.contains("May 23 '48 -> 1948-05-23"), s);
  }
}
