package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks shared by the model file readers: format name and version, config signature, provenance. */
final class ModelFiles {
  private ModelFiles() {}

  static void checkFormat(Path path, Map<String, String> m, String format, int version, String what) throws IOException {
    if (!format.equals(m.get("format"))) {
      throw new IOException(path + ": not a " + what + " file (format '" + m.get("format") + "', expected '" + format + "')");
    }
    if (!Integer.toString(version).equals(m.get("format.version"))) {
      throw new IOException(path + ": " + what + " format version " + m.get("format.version")
          + " is not supported (this build reads " + version + ")");
    }
  }

  static void checkSignature(Path path, Map<String, String> m, String signature) throws IOException {
    if (!signature.equals(m.get("config.signature"))) {
      throw new IOException(path + ": config signature '" + m.get("config.signature") + "' does not match its fields ('"
          + signature + "')");
    }
  }

  /** Copies a file's tensors into the parameters of the same names, checking names and shapes. */
  static void loadTensors(Path path, org.seqlab.core.io.ParameterFile.Contents contents, org.seqlab.core.ParameterSet params)
      throws IOException {
    for (org.seqlab.core.Parameter p : params.list()) {
      org.nd4j.linalg.api.ndarray.INDArray t = contents.tensors().get(p.name());
      if (t == null || !java.util.Arrays.equals(t.shape(), p.shape())) {
        throw new IOException(path + ": tensor '" + p.name() + "' is " + (t == null ? "missing" : "of shape "
            + java.util.Arrays.toString(t.shape())) + "; the model expects " + java.util.Arrays.toString(p.shape()));
      }
      p.value().assign(t.castTo(p.value().dataType()));
    }
  }

  /** The {@code run.*} entries. */
  static Map<String, String> provenance(Map<String, String> m) {
    Map<String, String> prov = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (k.startsWith("run.")) {
        prov.put(k, v);
      }
    });
    return prov;
  }
}
