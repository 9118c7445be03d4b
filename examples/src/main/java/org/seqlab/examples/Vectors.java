package org.seqlab.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.io.WordVectorsFormat;
import org.seqlab.sequence.PretrainedEmbeddings;
import org.seqlab.sequence.TokenTable;

/** Pretrained word vectors (word2vec or GloVe files, format detected) for the rows of a model's vocabulary. */
public final class Vectors {
  private Vectors() {}

  public static WordVectors read(Path file) throws IOException {
    try {
      return WordVectorsFormat.read(file);
    } catch (RuntimeException e) {
      throw new IOException(file + ": cannot read word vectors: " + e.getMessage(), e);
    }
  }

  /**
   * The vectors of every vocabulary word found in {@code v} (as is, else lower-cased).
   *
   * @return the rows and vectors, or null when no word was found
   */
  public static PretrainedEmbeddings rows(WordVectors v, TokenTable words, boolean freeze) {
    List<Integer> rows = new ArrayList<>();
    List<float[]> vecs = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.token(i);
      String key = v.contains(w) ? w : w.toLowerCase(Locale.ROOT);
      if (v.contains(key)) {
        rows.add(i);
        vecs.add(v.vector(key));
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    float[][] m = vecs.toArray(new float[0][]);
    return new PretrainedEmbeddings(rows.stream().mapToInt(Integer::intValue).toArray(),
        Nd4j.createFromArray(m).castTo(DataType.FLOAT), freeze);
  }
}
