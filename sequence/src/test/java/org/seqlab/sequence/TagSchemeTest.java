package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagSchemeTest {
  static final List<String> IOB2 = List.of("B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O", "B-ORG");

  @Test
  void iobesMarksChunkEndsAndSingletons() {
    assertEquals(List.of("B-PER", "I-PER", "E-PER", "O", "S-LOC", "B-LOC", "E-LOC", "O", "S-ORG"), TagScheme.IOBES.encode(IOB2));
    assertEquals(IOB2, TagScheme.IOB2.encode(IOB2));
  }

  @Test
  void decodingIsTheInverseOnValidTags() {
    assertEquals(IOB2, TagScheme.toIob2(TagScheme.IOBES.encode(IOB2)));
    assertEquals(IOB2, TagScheme.toIob2(IOB2));
    // a decoder's stray tags are mapped tag by tag, not repaired
    assertEquals(List.of("I-PER", "B-LOC", "O"), TagScheme.toIob2(List.of("E-PER", "S-LOC", "O")));
  }

  @Test
  void badTagsAreNamedWithTheirPosition() {
    IllegalArgumentException iob1 = assertThrows(IllegalArgumentException.class,
        () -> TagScheme.IOBES.encode(List.of("O", "I-PER")));
    assertTrue(iob1.getMessage().contains("tag 1 'I-PER'") && iob1.getMessage().contains("IOB1"), iob1.getMessage());
    IllegalArgumentException typeChange = assertThrows(IllegalArgumentException.class,
        () -> TagScheme.IOBES.encode(List.of("B-PER", "I-LOC")));
    assertTrue(typeChange.getMessage().contains("tag 1"), typeChange.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TagScheme.IOBES.encode(List.of("S-PER")));
    assertThrows(IllegalArgumentException.class, () -> TagScheme.toIob2(List.of("PER")));
    assertThrows(IllegalArgumentException.class, () -> TagScheme.toIob2(List.of("X-PER")));
    assertEquals(TagScheme.IOBES, TagScheme.parse(" IOBes"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagScheme.parse("bilou"));
    assertTrue(e.getMessage().contains("bilou"), e.getMessage());
  }
}
