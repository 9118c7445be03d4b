package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ParameterSetTest {
  @Test
  void orderCountAndLookup() {
    ParameterSet ps = new ParameterSet();
    ps.add("b", Nd4j.zeros(2, 3));
    ps.add("a", Nd4j.zeros(4));
    assertEquals(List.of("b", "a"), ps.list().stream().map(Parameter::name).toList());
    assertEquals(10, ps.count());
    assertEquals(2, ps.size());
    assertEquals(4, ps.get("a").size());
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> ps.add("a", Nd4j.zeros(1)));
    assertTrue(dup.getMessage().contains("'a'"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ps.get("c"));
    assertTrue(missing.getMessage().contains("'c'") && missing.getMessage().contains("[b, a]"), missing.getMessage());
  }

  @Test
  void globalNormSkipsFrozenAndZeroGradClears() {
    ParameterSet ps = new ParameterSet();
    Parameter a = ps.add("a", Nd4j.zeros(2));
    Parameter b = ps.add("b", Nd4j.zeros(1));
    Parameter c = ps.add("c", Nd4j.zeros(1));
    a.grad().assign(Nd4j.createFromArray(3f, 0f));
    b.grad().assign(4);
    c.grad().assign(100);
    c.setFrozen(true);
    assertEquals(5.0, ps.globalNorm(), 1e-6); // sqrt(9 + 16)
    ps.zeroGrad();
    c.setFrozen(false);
    assertEquals(0.0, ps.globalNorm(), 0);
  }
}
