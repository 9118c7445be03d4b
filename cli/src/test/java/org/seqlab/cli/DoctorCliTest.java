package org.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DoctorCliTest extends CliTestSupport {
  @Test
  void reportsTheBackendThreadsAndHowOpenMpWorkersWait() {
    assertEquals(0, run("doctor"), err);
    assertTrue(out.contains("nd4j") && out.contains("threads") && out.contains("omp wait"), out);
    String spin = System.getenv("GOMP_SPINCOUNT");
    assertTrue(spin == null && System.getenv("OMP_WAIT_POLICY") == null
        ? out.contains("libgomp default") : out.contains(spin != null ? "GOMP_SPINCOUNT=" + spin : "OMP_WAIT_POLICY="), out);
  }
}
