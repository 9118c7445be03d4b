package org.seqlab.attention;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.corpora.Vocabulary;

/**
 * A padded training batch with teacher forcing: the decoder reads {@code <bos> y_1 .. y_n} and
 * predicts {@code y_1 .. y_n <eos>}.
 *
 * @param source {@code [B][S]} source ids, padded with {@code <pad>}
 * @param sourceLengths {@code B} lengths in {@code [1, S]}
 * @param decoderInput {@code [B][T]} {@code <bos>} then the target, padded
 * @param decoderTarget {@code B*T} row-major targets: the target then {@code <eos>}, padded
 * @param targetMask {@code [B, T]} 1 at real target positions
 * @param targetTokens number of real target positions
 */
record Seq2SeqBatch(int[][] source, int[] sourceLengths, int[][] decoderInput, int[] decoderTarget, double[] targetMask,
    long targetTokens) {

  /**
   * @param sources source ids (each non-empty, usually ending in {@code <eos>})
   * @param targets target ids without {@code <bos>}/{@code <eos>}
   */
  static Seq2SeqBatch of(List<int[]> sources, List<int[]> targets) {
    int b = sources.size();
    if (b == 0 || targets.size() != b) {
      throw new IllegalArgumentException("a batch needs >= 1 sources and as many targets, got " + b + " and " + targets.size());
    }
    int s = 0;
    int t = 0;
    for (int i = 0; i < b; i++) {
      if (sources.get(i).length == 0) {
        throw new IllegalArgumentException("source " + i + " of the batch is empty");
      }
      s = Math.max(s, sources.get(i).length);
      t = Math.max(t, targets.get(i).length + 1);
    }
    int[][] src = new int[b][s];
    int[] lengths = new int[b];
    int[][] in = new int[b][t];
    int[] out = new int[b * t];
    double[] mask = new double[b * t];
    long tokens = 0;
    for (int i = 0; i < b; i++) {
      int[] x = sources.get(i);
      Arrays.fill(src[i], Vocabulary.PAD_ID);
      System.arraycopy(x, 0, src[i], 0, x.length);
      lengths[i] = x.length;
      int[] y = targets.get(i);
      Arrays.fill(in[i], Vocabulary.PAD_ID);
      Arrays.fill(out, i * t, (i + 1) * t, Vocabulary.PAD_ID);
      in[i][0] = Vocabulary.BOS_ID;
      for (int k = 0; k < y.length; k++) {
        in[i][k + 1] = y[k];
        out[i * t + k] = y[k];
      }
      out[i * t + y.length] = Vocabulary.EOS_ID;
      Arrays.fill(mask, i * t, i * t + y.length + 1, 1.0);
      tokens += y.length + 1;
    }
    return new Seq2SeqBatch(src, lengths, in, out, mask, tokens);
  }

  int size() {
    return source.length;
  }

  int targetSteps() {
    return decoderInput[0].length;
  }

  /** {@code [B, T]} mask array. */
  INDArray maskArray(DataType type) {
    return Nd4j.createFromArray(targetMask).castTo(type).reshape('c', size(), targetSteps());
  }
}
