package org.seqlab.core.io;

import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ParameterSet;

/** The content of the committed golden parameter files (values chosen by hand). */
final class GoldenFiles {
  static final String V1 = "/org/seqlab/core/io/golden-v1.spf";
  static final float[][] W = {{1.5f, -2.25f, 0.125f}, {3f, 0f, -0.0078125f}};
  static final double[] B = {0.1, -1e-300, 12345.678};

  private GoldenFiles() {}

  static ParameterSet params() {
    ParameterSet ps = new ParameterSet();
    ps.add("layer.w", Nd4j.createFromArray(W)); // FLOAT [2, 3]
    ps.add("layer.b", Nd4j.createFromArray(B)); // DOUBLE [3]
    return ps;
  }

  static Map<String, String> metadata() {
    Map<String, String> m = new TreeMap<>();
    m.put(ParameterFile.KIND, "golden-test");
    m.put(ParameterFile.SIGNATURE, "linear|in:2|out:3|v:1");
    m.put("note", "caf\u00e9"); // non-ASCII survives as UTF-8
    return m;
  }

  static DataType wType() {
    return DataType.FLOAT;
  }
}
