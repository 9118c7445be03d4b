package org.seqlab.attention.caption;

import java.awt.image.BufferedImage;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.corpora.Vocabulary;

/** Tiny configurations and inputs shared by the caption tests. */
final class TinyModels {
  private TinyModels() {}

  /** 8-pixel images, one block of 3 channels (a 4x4 grid), embeddings 3, LSTM 4, attention 3. */
  static CaptionModelConfig config(CaptionVariant v, double dropout) {
    return new CaptionModelConfig(v, 8, List.of(3), 3, 4, 3, dropout);
  }

  static CaptionModel model(CaptionVariant v, long seed) {
    Vocabulary vocab = CaptionVocabulary.standard();
    return new CaptionModel(new CaptionNetwork(config(v, 0), vocab.size(), DataType.FLOAT, seed), vocab,
        java.util.Map.of("run.seed", Long.toString(seed)));
  }

  /** A deterministic test card: a colour ramp set pixel by pixel (no Java2D rendering). */
  static BufferedImage ramp(int size, int shift) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int r = (x * 255 / (size - 1) + shift) & 0xff;
        int g = (y * 255 / (size - 1)) & 0xff;
        int b = ((x + y) * 127 / (size - 1) + 3 * shift) & 0xff;
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }
}
