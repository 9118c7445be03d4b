package org.seqlab.cli.sequence;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.examples.sentiment.SentimentExample;
import org.seqlab.sequence.ClassifierConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab sentiment train}: emojify test accuracy or rt-polarity k-fold accuracy. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains a sentence classifier. emojify: trains on train_emoji.csv, reports accuracy on "
            + "tesss.csv. rt-polarity: k-fold cross-validation with folds shuffled by --seed. Unset "
            + "options keep the dataset's defaults.")
public final class TrainSentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "emojify", description = "emojify or rt-polarity (default: ${DEFAULT-VALUE})")
  String data;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "shared datasets (default: $SEQLAB_DATA or ../shared/data)")
  Path dataDir;

  @Option(names = "--encoder", description = "MEAN_EMBEDDING, LSTM or BILSTM") ClassifierConfig.Encoder encoder;
  @Option(names = "--pooling", description = "LAST, MEAN or MAX (LSTM and BILSTM)") ClassifierConfig.Pooling pooling;
  @Option(names = "--embed", description = "embedding width (taken from --vectors when given)") Integer embed;
  @Option(names = "--hidden", description = "LSTM state width per direction") Integer hidden;
  @Option(names = "--epochs") Integer epochs;
  @Option(names = "--batch") Integer batch;
  @Option(names = "--lr", description = "Adam learning rate") Double lr;
  @Option(names = "--dropout", description = "on embeddings and on the pooled vector") Double dropout;

  @Option(names = "--vectors", paramLabel = "FILE", description = "pretrained word2vec/GloVe vectors for the embedding table")
  Path vectors;

  @Option(names = "--freeze", description = "keep the pretrained embeddings fixed") boolean freeze;

  @Option(names = "--vocab-from-vectors", description = "add every word of --vectors to the vocabulary") boolean vocabFromVectors;

  @Option(names = "--folds", defaultValue = "10", description = "rt-polarity cross-validation folds (default: ${DEFAULT-VALUE})")
  int folds;

  @Option(names = "--ensemble", defaultValue = "1", paramLabel = "N",
      description = "train N models per split from seeds SEED..SEED+N-1 and average their probabilities (default: ${DEFAULT-VALUE}); --out FILE then writes FILE.m1 ... FILE.mN (before the extension)")
  int ensemble;

  @Option(names = "--seed", defaultValue = "1", description = "seed of folds, initialisation, shuffling, dropout (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "save the model (rt-polarity: the last fold's)") Path out;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "per-epoch resumable state (per fold: FILE.foldK)") Path checkpoint;

  @Override
  public Integer call() throws Exception {
    SentimentExample.Dataset d = switch (data) {
      case "emojify" -> SentimentExample.Dataset.EMOJIFY;
      case "rt-polarity" -> SentimentExample.Dataset.RT_POLARITY;
      default -> throw new IllegalArgumentException("--data must be emojify or rt-polarity, got '" + data + "'");
    };
    ClassifierConfig c = d == SentimentExample.Dataset.EMOJIFY ? SentimentExample.emojifyConfig() : SentimentExample.rtPolarityConfig();
    c = new ClassifierConfig(
        encoder != null ? encoder : c.encoder(), pooling != null ? pooling : c.pooling(), c.vocabSize(),
        embed != null ? embed : c.embedDim(), hidden != null ? hidden : c.hiddenSize(), c.numClasses(),
        epochs != null ? epochs : c.epochs(), batch != null ? batch : c.batchSize(), lr != null ? lr : c.learningRate(),
        dropout != null ? dropout : c.dropout(), c.clipNorm());
    SentimentExample.run(new SentimentExample.Options(d, dataDir != null ? dataDir : DataDir.resolve(), c, vectors, freeze,
        vocabFromVectors, folds, seed, out, checkpoint, spec.commandLine().getOut(), ensemble));
    return 0;
  }
}
