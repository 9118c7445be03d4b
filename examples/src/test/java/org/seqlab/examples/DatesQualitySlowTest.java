package org.seqlab.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.examples.dates.DateNormalization;

/** The goal with the documented settings (about 20 minutes on two busy cores): >= 99.5 % exact match. */
@Tag("slow")
class DatesQualitySlowTest {
  @Test
  void defaultsReachTheGoalOnHeldOutDates(@TempDir Path dir) throws IOException {
    DateNormalization.Result r = DateNormalization.run(DateNormalization.Options.defaults(dir));
    assertTrue(r.greedyExactMatch() >= 0.995, "greedy exact match " + r.greedyExactMatch());
    assertTrue(r.beamExactMatch() >= 0.995, "beam exact match " + r.beamExactMatch());
  }
}
