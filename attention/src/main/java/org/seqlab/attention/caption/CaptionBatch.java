package org.seqlab.attention.caption;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.corpora.Vocabulary;

/**
 * A teacher-forced training batch.
 *
 * @param pixels {@code [B, S, S, 3]} model inputs
 * @param inputs {@code [B][T]}: {@code <bos>} then the caption ids, padded with {@code <pad>}
 * @param targets {@code [B][T]}: the caption ids then {@code <eos>}, padded
 * @param mask {@code [B, T]}: 1 on the {@code length + 1} real target positions of each row
 * @param tokens number of real target positions
 */
record CaptionBatch(INDArray pixels, int[][] inputs, int[][] targets, INDArray mask, int tokens) {
  /**
   * @throws IllegalArgumentException for a caption word outside the vocabulary
   */
  static CaptionBatch of(List<BufferedImage> images, List<String> captions, Vocabulary vocab, int size, DataType type) {
    int b = images.size();
    int[][] ids = new int[b][];
    int t = 0;
    for (int i = 0; i < b; i++) {
      String[] words = captions.get(i).split(" ");
      ids[i] = new int[words.length];
      for (int k = 0; k < words.length; k++) {
        int id = vocab.indexOf(words[k]);
        if (id < vocab.firstRegularId()) {
          throw new IllegalArgumentException("caption " + i + " word '" + words[k] + "' is not in the caption vocabulary");
        }
        ids[i][k] = id;
      }
      t = Math.max(t, words.length + 1);
    }
    int[][] in = new int[b][t];
    int[][] out = new int[b][t];
    double[] mask = new double[b * t];
    int tokens = 0;
    double[] px = new double[b * size * size * 3];
    for (int i = 0; i < b; i++) {
      in[i][0] = Vocabulary.BOS_ID;
      System.arraycopy(ids[i], 0, in[i], 1, ids[i].length);
      System.arraycopy(ids[i], 0, out[i], 0, ids[i].length);
      out[i][ids[i].length] = Vocabulary.EOS_ID;
      Arrays.fill(mask, i * t, i * t + ids[i].length + 1, 1.0);
      tokens += ids[i].length + 1;
      System.arraycopy(Images.pixels(images.get(i), size), 0, px, i * size * size * 3, size * size * 3);
    }
    INDArray pixels = Nd4j.createFromArray(px).reshape('c', b, size, size, 3).castTo(type);
    return new CaptionBatch(pixels, in, out, Nd4j.createFromArray(mask).reshape('c', b, t).castTo(type), tokens);
  }
}
