package org.seqlab.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.sequence.SequenceClassifier;

class RecurrentQuickstartTest {
  @Test
  void readmeSnippetRuns(@TempDir Path dir) throws IOException {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8)); // the snippet prints; the test must not
    String sample;
    try {
      sample = RecurrentQuickstart.characterModel("the cat sat on the mat\n".repeat(80), dir.resolve("lm.seqlab"));
    } finally {
      System.setOut(old);
    }
    assertTrue(buf.toString(StandardCharsets.UTF_8).contains("bits/char"), buf.toString(StandardCharsets.UTF_8));
    assertTrue(sample.length() <= 40 && !sample.isEmpty(), sample);
    List<SequenceClassifier.Example> data = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      data.add(new SequenceClassifier.Example(new int[] {1 + i % 3, 4, 4}, i % 3 == 0 ? 1 : 0));
    }
    assertTrue(RecurrentQuickstart.classifier(data, 5, 2) > 0.9);
  }
}
