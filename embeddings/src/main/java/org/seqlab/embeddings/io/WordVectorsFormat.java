package org.seqlab.embeddings.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.seqlab.core.io.AtomicFiles;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.WordVectors;

/**
 * Reads and writes {@link WordVectors} in the word2vec text, word2vec binary and GloVe text
 * formats ({@link VectorsFormat}), with an optional checksummed sidecar ({@link VectorsSidecar}).
 *
 * <p>Every format error is a {@link CorpusFormatException} whose message starts with the path and
 * the line (text formats) or the record number and byte offset (binary): truncated files, a header
 * that disagrees with the number of rows, a row of the wrong dimension, words that are not UTF-8,
 * duplicate words, non-finite values. Files are written atomically.
 */
public final class WordVectorsFormat {
  private WordVectorsFormat() {}

  /** Reads a vectors file of a {@link VectorsFormat#detect detected} format, checking its sidecar if present. */
  public static WordVectors read(Path path) throws IOException {
    Optional<VectorsSidecar> sidecar = VectorsSidecar.read(path);
    VectorsFormat f = sidecar.isPresent() ? sidecar.get().format() : VectorsFormat.detect(path);
    return read(path, f);
  }

  /**
   * Reads a vectors file in the given format. If a sidecar {@code <path>.seqlab.json} exists, the
   * file's SHA-256, N, D and format must match it.
   */
  public static WordVectors read(Path path, VectorsFormat format) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new java.nio.file.NoSuchFileException(path.toString());
    }
    Optional<VectorsSidecar> sidecar = VectorsSidecar.read(path);
    if (sidecar.isPresent()) {
      verify(path, format, sidecar.get());
    }
    WordVectors v =
        switch (format) {
          case WORD2VEC_BINARY -> BinaryCodec.read(path);
          case WORD2VEC_TEXT -> TextCodec.read(path, true);
          case GLOVE_TEXT -> TextCodec.read(path, false);
        };
    if (sidecar.isPresent() && (sidecar.get().vocabSize() != v.size() || sidecar.get().dim() != v.dim())) {
      throw new CorpusFormatException(
          path.toString(), 0, "has " + v.size() + " x " + v.dim() + " vectors but its sidecar says "
              + sidecar.get().vocabSize() + " x " + sidecar.get().dim());
    }
    return v;
  }

  private static void verify(Path path, VectorsFormat format, VectorsSidecar s) throws IOException {
    if (s.format() != format) {
      throw new CorpusFormatException(
          path.toString(), 0, "read as " + format.id() + " but its sidecar " + VectorsSidecar.pathFor(path) + " says " + s.format().id());
    }
    String actual = VectorsSidecar.sha256(path);
    if (!actual.equals(s.sha256())) {
      throw new CorpusFormatException(
          path.toString(), 0, "SHA-256 " + actual + " does not match " + s.sha256() + " recorded in "
              + VectorsSidecar.pathFor(path) + ": the file was changed or truncated after it was written"
              + " (delete the sidecar if it was replaced on purpose)");
    }
  }

  /** The sidecar of a vectors file, if it has one. */
  public static Optional<VectorsSidecar> sidecar(Path path) throws IOException {
    return VectorsSidecar.read(path);
  }

  /**
   * Writes vectors atomically, then their sidecar {@code <path>.seqlab.json}.
   *
   * @param signature the producer's config signature, recorded in the sidecar
   * @throws IllegalArgumentException if a word contains whitespace or a control character
   * @return the sidecar written
   */
  public static VectorsSidecar write(Path path, WordVectors v, VectorsFormat format, String signature) throws IOException {
    if (signature == null || signature.isBlank()) {
      throw new IllegalArgumentException("signature must be a non-blank string, got '" + signature + "'");
    }
    for (String w : v.words()) {
      Formats.checkWord(w);
    }
    MessageDigest md = VectorsSidecar.newDigest();
    AtomicFiles.write(
        path,
        raw -> {
          DigestOutputStream out = new DigestOutputStream(raw, md);
          switch (format) {
            case WORD2VEC_BINARY -> BinaryCodec.write(out, v);
            case WORD2VEC_TEXT -> TextCodec.write(out, v, true);
            case GLOVE_TEXT -> TextCodec.write(out, v, false);
          }
          out.flush();
        });
    VectorsSidecar s =
        new VectorsSidecar(VectorsSidecar.VERSION, format, signature, HexFormat.of().formatHex(md.digest()), v.size(), v.dim());
    s.write(path);
    return s;
  }
}
