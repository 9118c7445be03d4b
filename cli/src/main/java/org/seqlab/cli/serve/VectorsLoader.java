package org.seqlab.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.io.VectorsSidecar;
import org.seqlab.embeddings.io.WordVectorsFormat;

/**
 * Word vectors with a {@code .seqlab.json} sidecar: the sidecar's format version and the SHA-256 of
 * the vectors file are checked on load ({@link WordVectorsFormat#read}).
 */
final class VectorsLoader implements ModelLoader {
  @Override
  public Optional<ServedModel> load(Path entry) throws IOException {
    if (!Files.isRegularFile(entry) || !Files.exists(VectorsSidecar.pathFor(entry))) {
      return Optional.empty();
    }
    try {
      VectorsSidecar side = WordVectorsFormat.sidecar(entry).orElseThrow();
      WordVectors v = WordVectorsFormat.read(entry, side.format());
      return Optional.of(new ServedModel(ModelRegistry.baseName(entry), ServedModel.Kind.EMBEDDINGS, side.version(),
          side.signature(), "sha256:" + side.sha256(), entry, v));
    } catch (CorpusFormatException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
