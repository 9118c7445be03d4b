package org.seqlab.examples.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.train.SkipGramConfig;

class WordVectorsTourTest {
  /**
   * Four planted topics of 10 words ("t<k>w<i>") plus a "male" and a "female" topic holding the
   * definitional words; every sentence draws its words from one topic.
   */
  private static Path corpus(Path dir, long seed) throws Exception {
    String[][] topics = new String[6][];
    for (int t = 0; t < 4; t++) {
      topics[t] = new String[10];
      for (int i = 0; i < 10; i++) {
        topics[t][i] = "t" + t + "w" + i;
      }
    }
    topics[4] = new String[] {"he", "man", "king", "his", "boy"};
    topics[5] = new String[] {"she", "woman", "queen", "her", "girl"};
    SplittableRandom rng = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < 1500; s++) {
      String[] topic = topics[rng.nextInt(topics.length)];
      for (int k = 0; k < 20; k++) {
        sb.append(topic[rng.nextInt(topic.length)]).append(' ');
      }
    }
    Path file = dir.resolve("corpus.txt");
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static Path lists(Path dir) throws Exception {
    Path d = Files.createDirectories(dir.resolve("debiaswe"));
    Files.writeString(d.resolve("definitional_pairs.json"), "[[\"she\",\"he\"],[\"woman\",\"man\"],[\"her\",\"his\"],[\"girl\",\"boy\"]]");
    Files.writeString(d.resolve("equalize_pairs.json"), "[[\"king\",\"queen\"]]");
    Files.writeString(d.resolve("gender_specific_full.json"), "[\"he\",\"she\",\"man\",\"woman\",\"his\",\"her\",\"boy\",\"girl\",\"king\",\"queen\"]");
    Files.writeString(d.resolve("professions.json"), "[[\"t0w1\",0.0,0.0]]");
    return d;
  }

  @Test
  void walkthroughRunsEndToEnd(@TempDir Path dir) throws Exception {
    Path questions = dir.resolve("questions.txt");
    Files.writeString(questions, ": family\nhe she man woman\nman woman boy girl\n: gram1-topics\nt0w1 t0w2 t1w1 t1w2\n");
    SkipGramConfig cfg = SkipGramConfig.builder().dim(16).window(3).negative(5).minCount(1).sample(0).epochs(3).threads(1).seed(3).build();
    WordVectorsTour.Options o = new WordVectorsTour.Options(corpus(dir, 5), dir.resolve("v.bin"), cfg, questions, lists(dir),
        "t2w3", List.of("he", "she", "man"));
    WordVectorsTour.Result r = WordVectorsTour.run(o);

    assertEquals(50, r.vectors().size()); // 4 topics x 10 words + 5 + 5
    assertTrue(Files.exists(dir.resolve("v.bin")));
    for (Neighbor n : r.nearest()) {
      assertTrue(n.word().startsWith("t2w"), "planted topic neighbour expected, got " + r.nearest());
    }
    assertEquals(r.nearest().get(0).word(), r.nearestHnsw().get(0).word());
    for (Neighbor n : r.analogy()) {
      assertFalse(List.of("he", "she", "man").contains(n.word()), "analogy returned a query word: " + r.analogy());
    }
    assertTrue(r.analogyTotal() >= 0 && r.analogyTotal() <= 1);
    assertTrue(r.directBiasAfter() < 1e-5, "neutral words keep a bias component: " + r.directBiasAfter());
    assertTrue(r.directBiasBefore() > r.directBiasAfter());
  }
}
