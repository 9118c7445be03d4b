package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.VectorsSidecar;
import org.seqlab.embeddings.io.WordVectorsFormat;
import picocli.CommandLine.Option;

/** The {@code --vectors FILE [--format F]} options shared by the embeddings commands. */
final class VectorsOption {
  @Option(
      names = {"-v", "--vectors"},
      required = true,
      paramLabel = "FILE",
      description = "word vectors: word2vec text or binary, or GloVe text (format detected unless --format)")
  Path path;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "word2vec-text, word2vec-binary or glove-text (default: detected from the content or the sidecar)")
  String format;

  /** The sidecar's signature once {@link #load} ran, else "none". */
  String producer = "none";

  /** Loads the vectors and prints one line about them. */
  WordVectors load(PrintWriter out) throws IOException {
    long t0 = System.nanoTime();
    WordVectors v;
    VectorsFormat f;
    try {
      Optional<VectorsSidecar> side = WordVectorsFormat.sidecar(path);
      f = format != null ? VectorsFormat.fromId(format) : side.map(VectorsSidecar::format).orElse(VectorsFormat.detect(path));
      v = WordVectorsFormat.read(path, f);
      producer = side.map(VectorsSidecar::signature).orElse("none (no .seqlab.json sidecar)");
    } catch (CorpusFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    out.printf(Locale.ROOT, 
        "vectors     %s: %d words x %d dims, %s, loaded in %.1f s%n",
        path, v.size(), v.dim(), f.id(), (System.nanoTime() - t0) / 1e9);
    out.printf(Locale.ROOT, "producer    %s%n", producer);
    return v;
  }
}
