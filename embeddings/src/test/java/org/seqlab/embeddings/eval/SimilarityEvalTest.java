package org.seqlab.embeddings.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.seqlab.embeddings.WordVectors;

class SimilarityEvalTest {
  @TempDir Path dir;

  @Test
  void spearmanWithTiesByHand() {
    // ranks of y = [5,6,7,8,7] are [1,2,3.5,5,3.5]; rho = 8 / sqrt(10 * 9.5)
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {5, 6, 7, 8, 7};
    assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5}, Correlation.ranks(y), 0);
    assertEquals(8 / Math.sqrt(95), Correlation.spearman(x, y), 1e-12);
    // Pearson by hand: dy = [-1.6,-0.6,0.4,1.4,0.4], sxy = 3.2+0.6+0+1.4+0.8 = 6, syy = 5.2
    assertEquals(6 / Math.sqrt(10 * 5.2), Correlation.pearson(x, y), 1e-12);
    assertEquals(-1.0, Correlation.spearman(x, new double[] {9, 3, 2, 1, 0}), 1e-12);
    assertTrue(Double.isNaN(Correlation.spearman(x, new double[] {1, 1, 1, 1, 1})));
    assertThrows(IllegalArgumentException.class, () -> Correlation.spearman(x, new double[] {1}));
  }

  @Test
  void evaluatesPairFileWithOovAndComments() throws IOException {
    // angles 0, 30, 60, 90 degrees from "a": cosines 1, .866, .5, 0
    List<String> words = List.of("a", "b", "c", "d", "Rare");
    float[] m = {1, 0, (float) Math.cos(Math.PI / 6), 0.5f, 0.5f, (float) Math.cos(Math.PI / 6), 0, 1, 1, 1};
    WordVectors v = WordVectors.of(words, m, 2);
    Path f = dir.resolve("pairs.tsv");
    Files.writeString(
        f,
        "# comment\n# Word 1\tWord 2\tHuman (mean)\n"
            + "a\tb\t9.0\n"
            + "A\tc\t5.0\n" // case-insensitive
            + "a\td\t7.0\n" // a model-human disagreement
            + "a\tzzz\t3.0\n" // OOV
            + "a\tb\n" // invalid: two fields
            + "b\td\tnot-a-number\n" // invalid
            + "c\td\t1.0\n",
        StandardCharsets.UTF_8);
    SimilarityResult r = SimilarityEval.spearman(v, f, 300000);
    assertEquals(4, r.used());
    assertEquals(1, r.oov());
    assertEquals(2, r.invalidLines());
    // model cosines: ab .866, ac .5, ad 0, cd .866 -> ranks [3.5, 2, 1, 3.5]; human [9,5,7,1] -> ranks [4,2,3,1]
    double expected = Correlation.pearson(new double[] {3.5, 2, 1, 3.5}, new double[] {4, 2, 3, 1});
    assertEquals(expected, r.spearman(), 1e-6);
    assertEquals(0.2, r.oovRatio(), 1e-12);
    assertEquals("wordsim|restrict:300000|case:fold|v:1", r.signature());
    // restricting to 2 words leaves only (a, b): too few pairs
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimilarityEval.spearman(v, f, 2));
    assertTrue(e.getMessage().contains("only 1"), e.getMessage());
  }

  @Test
  void pearsonOfRanksByHand() {
    // [3.5,2,1,3.5] vs [4,2,3,1]: means 2.5, 2.5; dx=[1,-.5,-1.5,1], dy=[1.5,-.5,.5,-1.5]
    // sxy = 1.5+.25-.75-1.5 = -.5; sxx = 1+.25+2.25+1 = 4.5; syy = 2.25+.25+.25+2.25 = 5
    assertEquals(-0.5 / Math.sqrt(4.5 * 5), Correlation.pearson(new double[] {3.5, 2, 1, 3.5}, new double[] {4, 2, 3, 1}), 1e-12);
  }
}
