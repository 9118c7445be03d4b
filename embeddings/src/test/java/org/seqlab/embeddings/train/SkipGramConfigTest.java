package org.seqlab.embeddings.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SkipGramConfigTest {
  @Test
  void signatureNamesEveryModelSetting() {
    SkipGramConfig c = SkipGramConfig.builder().seed(7).threads(4).build();
    assertEquals("sgns|dim:100|win:5|neg:5|sample:1e-4|min:5|alpha:0.025|ep:5|seed:7|v:1", c.signature());
    assertEquals("sgns|dim:50|win:5|neg:5|sample:0|min:5|max:30000|alpha:0.025|ep:5|seed:1|v:1",
        SkipGramConfig.builder().dim(50).sample(0).maxVocab(30000).build().signature());
  }

  @Test
  void compactNumbers() {
    assertEquals("1e-4", Numbers.compact(1e-4));
    assertEquals("2.5e-5", Numbers.compact(2.5e-5));
    assertEquals("0.025", Numbers.compact(0.025));
    assertEquals("10", Numbers.compact(10.0));
    assertEquals("0.75", Numbers.compact(0.75));
  }

  @Test
  void validationNamesArgumentValueAndExpectation() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.builder().dim(0).build());
    assertEquals("dim must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.builder().sample(1.0).build());
    assertEquals("sample must be in [0, 1), got 1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.builder().minAlpha(0.5).build());
    assertEquals("minAlpha must be in [0, alpha=0.025], got 0.5", e.getMessage());
  }
}
