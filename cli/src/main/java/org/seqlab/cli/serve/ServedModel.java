package org.seqlab.cli.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model the server loaded and verified, with what {@code GET /models} reports about it.
 *
 * @param name the file or directory name without its extension; clients pass it as {@code "model"}
 * @param kind what the model does
 * @param version the version of the file format it was read from
 * @param signature the producer's configuration signature
 * @param checksum the checksum that was verified on load, as {@code "sha256:..."} or {@code "crc32:..."}
 * @param path where it was loaded from
 * @param model the loaded, thread-safe model object ({@link #as} casts it)
 */
record ServedModel(String name, Kind kind, int version, String signature, String checksum, Path path, Object model) {
  /** The kinds of served models and the endpoints that use them. */
  enum Kind {
    EMBEDDINGS("embeddings"),
    TRANSLATION("translation"),
    CAPTION("caption");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  ServedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(model, "model");
  }

  <T> T as(Class<T> type) {
    return type.cast(model);
  }
}
