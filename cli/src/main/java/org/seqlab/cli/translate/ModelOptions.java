package org.seqlab.cli.translate;

import org.seqlab.attention.AttentionKind;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqTrainerConfig;
import org.seqlab.sequence.CellType;
import picocli.CommandLine.Option;

/** Architecture and training options shared by the training commands. */
final class ModelOptions {
  @Option(names = "--cell", defaultValue = "GRU", description = "GRU or LSTM (default: ${DEFAULT-VALUE})")
  CellType cell;

  @Option(names = "--attention", defaultValue = "ADDITIVE", description = "ADDITIVE (Bahdanau) or NONE (default: ${DEFAULT-VALUE})")
  AttentionKind attention;

  @Option(names = "--embed", defaultValue = "256", description = "embedding width (default: ${DEFAULT-VALUE})")
  int embed;

  @Option(names = "--encoder-hidden", defaultValue = "256", description = "hidden size per encoder direction (default: ${DEFAULT-VALUE})")
  int encoderHidden;

  @Option(names = "--decoder-hidden", defaultValue = "512", description = "decoder hidden size (default: ${DEFAULT-VALUE})")
  int decoderHidden;

  @Option(names = "--attention-dim", defaultValue = "256", description = "attention network width (default: ${DEFAULT-VALUE})")
  int attentionDim;

  @Option(names = "--output-dim", defaultValue = "256", description = "pre-output layer width (default: ${DEFAULT-VALUE})")
  int outputDim;

  @Option(names = "--dropout", defaultValue = "0.3", description = "dropout (default: ${DEFAULT-VALUE})")
  double dropout;

  @Option(names = "--batch", defaultValue = "64", description = "sentence pairs per step (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--epochs", defaultValue = "10", description = "passes over the data (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.001", description = "peak Adam learning rate (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--min-lr", defaultValue = "0.00005", description = "final learning rate, cosine decay (default: ${DEFAULT-VALUE})")
  double minLr;

  @Option(names = "--warmup", defaultValue = "200", description = "warm-up steps (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--clip", defaultValue = "1.0", description = "gradient clipping norm (default: ${DEFAULT-VALUE})")
  double clip;

  @Option(names = "--max-length", defaultValue = "60", description = "skip training pairs longer than this (default: ${DEFAULT-VALUE})")
  int maxLength;

  Seq2SeqConfig model() {
    return Seq2SeqConfig.builder().cell(cell).attention(attention).embedDim(embed).encoderHidden(encoderHidden)
        .decoderHidden(decoderHidden).attentionDim(attentionDim).outputDim(outputDim).dropout(dropout).build();
  }

  Seq2SeqTrainerConfig training() {
    return new Seq2SeqTrainerConfig(batch, epochs, lr, minLr, warmup, clip, maxLength);
  }
}
