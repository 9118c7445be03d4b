package org.seqlab.sequence;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Pretrained vectors for some rows of an embedding table (e.g. word2vec or GloVe vectors of the
 * words in a model's vocabulary).
 *
 * @param rows the table row of each vector
 * @param vectors {@code [rows.length, E]}
 * @param freeze keep the whole table fixed during training (otherwise fine-tune it)
 */
public record PretrainedEmbeddings(int[] rows, INDArray vectors, boolean freeze) {
  public PretrainedEmbeddings {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(vectors, "vectors");
    if (vectors.rank() != 2 || vectors.size(0) != rows.length) {
      throw new IllegalArgumentException(
          "vectors must be [" + rows.length + ", E], got " + Arrays.toString(vectors.shape()));
    }
    rows = rows.clone();
  }
}
