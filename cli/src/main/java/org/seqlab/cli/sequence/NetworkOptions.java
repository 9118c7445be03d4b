package org.seqlab.cli.sequence;

import org.seqlab.sequence.CellType;
import org.seqlab.sequence.CharLmConfig;
import picocli.CommandLine.Option;

/** Network and truncated-BPTT options of the language-model training commands; unset ones keep the dataset's defaults. */
final class NetworkOptions {
  @Option(names = "--cell", description = "LSTM, GRU, RNN_TANH or RNN_RELU") CellType cell;
  @Option(names = "--embed", description = "embedding width") Integer embed;
  @Option(names = "--hidden", description = "recurrent state width") Integer hidden;
  @Option(names = "--layers", description = "recurrent layers") Integer layers;
  @Option(names = "--dropout", description = "dropout on embeddings, between layers and before the softmax") Double dropout;
  @Option(names = "--batch", description = "parallel streams per step") Integer batch;
  @Option(names = "--bptt", description = "tokens per stream per step (truncated BPTT length)") Integer bptt;
  @Option(names = "--lr", description = "peak Adam learning rate") Double lr;
  @Option(names = "--min-lr", description = "learning rate reached at the last step (cosine decay)") Double minLr;
  @Option(names = "--clip", description = "global gradient-norm clip") Double clip;
  @Option(names = "--steps", description = "optimizer steps") Integer steps;
  @Option(names = "--eval-every", description = "validate every N steps (0: only at the end)") Integer evalEvery;
  @Option(names = "--eval-tokens", description = "tokens of the validation text used during training (0: all)") Integer evalTokens;

  CharLmConfig apply(CharLmConfig d) {
    return new CharLmConfig(
        embed != null ? embed : d.embedDim(), cell != null ? cell : d.cell(), hidden != null ? hidden : d.hiddenSize(),
        layers != null ? layers : d.layers(), dropout != null ? dropout : d.dropout(), batch != null ? batch : d.batchSize(),
        bptt != null ? bptt : d.bpttLength(), lr != null ? lr : d.learningRate(),
        minLr != null ? minLr : lr != null && d.minLearningRate() > lr ? lr : d.minLearningRate(),
        clip != null ? clip : d.clipNorm(), steps != null ? steps : d.steps(), evalEvery != null ? evalEvery : d.evalEvery(),
        evalTokens != null ? evalTokens : d.evalChars());
  }
}
