package org.seqlab.attention;

import java.util.Locale;
import java.util.Objects;
import org.seqlab.sequence.CellType;

/**
 * The architecture of a {@link Seq2SeqModel}.
 *
 * @param cell recurrent cell of encoder and decoder (GRU or LSTM; RNN cells are allowed too)
 * @param attention additive attention or none
 * @param embedDim width of source and target embeddings
 * @param encoderHidden hidden size of each encoder direction (the encoder outputs {@code 2 * encoderHidden})
 * @param decoderHidden hidden size of the decoder
 * @param attentionDim hidden width of the attention network (ignored without attention)
 * @param outputDim width of the {@code tanh} layer before the output softmax
 * @param dropout drop probability on embeddings and the pre-output layer, in {@code [0, 1)}
 */
public record Seq2SeqConfig(CellType cell, AttentionKind attention, int embedDim, int encoderHidden, int decoderHidden,
    int attentionDim, int outputDim, double dropout) {
  public Seq2SeqConfig {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(attention, "attention");
    positive("embedDim", embedDim);
    positive("encoderHidden", encoderHidden);
    positive("decoderHidden", decoderHidden);
    positive("attentionDim", attentionDim);
    positive("outputDim", outputDim);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Encoder output width {@code 2 * encoderHidden}. */
  public int memoryDim() {
    return 2 * encoderHidden;
  }

  public Seq2SeqConfig withDropout(double value) {
    return new Seq2SeqConfig(cell, attention, embedDim, encoderHidden, decoderHidden, attentionDim, outputDim, value);
  }

  /** For example {@code s2s|cell:gru|att:additive|emb:256|enc:256|dec:512|attdim:256|out:256|drop:0.3}. */
  public String signature() {
    return String.format(Locale.ROOT, "s2s|cell:%s|att:%s|emb:%d|enc:%d|dec:%d|attdim:%d|out:%d|drop:%s", cell.label(),
        attention.label(), embedDim, encoderHidden, decoderHidden, attentionDim, outputDim, dropout);
  }

  /** Builds a config; defaults: GRU, additive attention, 256 everywhere, dropout 0.2. */
  public static final class Builder {
    private CellType cell = CellType.GRU;
    private AttentionKind attention = AttentionKind.ADDITIVE;
    private int embedDim = 256;
    private int encoderHidden = 256;
    private int decoderHidden = 256;
    private int attentionDim = 256;
    private int outputDim = 256;
    private double dropout = 0.2;

    private Builder() {}

    public Builder cell(CellType v) {
      cell = v;
      return this;
    }

    public Builder attention(AttentionKind v) {
      attention = v;
      return this;
    }

    public Builder embedDim(int v) {
      embedDim = v;
      return this;
    }

    public Builder encoderHidden(int v) {
      encoderHidden = v;
      return this;
    }

    public Builder decoderHidden(int v) {
      decoderHidden = v;
      return this;
    }

    public Builder attentionDim(int v) {
      attentionDim = v;
      return this;
    }

    public Builder outputDim(int v) {
      outputDim = v;
      return this;
    }

    public Builder dropout(double v) {
      dropout = v;
      return this;
    }

    public Seq2SeqConfig build() {
      return new Seq2SeqConfig(cell, attention, embedDim, encoderHidden, decoderHidden, attentionDim, outputDim, dropout);
    }
  }
}
