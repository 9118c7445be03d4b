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
