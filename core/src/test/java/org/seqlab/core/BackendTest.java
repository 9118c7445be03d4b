package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendTest {
  @Test
  void reportsTheCpuBackend() {
    Backend b = Backend.current();
    assertTrue(b.backend().contains("Cpu"), b.describe());
    assertFalse(b.cuda(), b.describe());
    assertTrue(b.threads() > 0, b.describe());
    assertFalse(b.blasVendor().isBlank(), b.describe());
    assertTrue(b.describe().startsWith("backend="), b.describe());
  }
}
