package org.seqlab.cli.sequence;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.examples.ner.ConllNerExample;
import org.seqlab.sequence.NerTaggerConfig;
import org.seqlab.sequence.TagScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab ner train}: CoNLL-2003 train/dev/test with span F1. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains on eng.train, keeps the epoch with the best eng.testa span F1, reports eng.testb "
            + "span F1 (conlleval rules). Rerun with the same --checkpoint to resume.")
public final class TrainNerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ner-dir", paramLabel = "DIR", description = "folder with eng.train, eng.testa, eng.testb (default: DATA/ner)")
  Path nerDir;

  @Option(names = "--vectors", paramLabel = "FILE", description = "word2vec/GloVe vectors (lower-case words) for the word table")
  Path vectors;

  @Option(names = "--freeze", description = "keep the pretrained word table fixed") boolean freeze;

  @Option(names = "--word-dim", defaultValue = "100", description = "word embedding width without --vectors (default: ${DEFAULT-VALUE})") int wordDim;
  @Option(names = "--char-dim", defaultValue = "25", description = "(default: ${DEFAULT-VALUE})") int charDim;
  @Option(names = "--char-hidden", defaultValue = "25", description = "character BiLSTM width per direction; 0 disables (default: ${DEFAULT-VALUE})") int charHidden;
  @Option(names = "--casing-dim", defaultValue = "8", description = "casing embedding width; 0 disables (default: ${DEFAULT-VALUE})") int casingDim;
  @Option(names = "--hidden", defaultValue = "100", description = "word BiLSTM width per direction (default: ${DEFAULT-VALUE})") int hidden;
  @Option(names = "--dropout", defaultValue = "0.5", description = "(default: ${DEFAULT-VALUE})") double dropout;
  @Option(names = "--no-crf", description = "independent softmax per token instead of the CRF") boolean noCrf;
  @Option(names = "--epochs", defaultValue = "10", description = "(default: ${DEFAULT-VALUE})") int epochs;
  @Option(names = "--batch", defaultValue = "16", description = "(default: ${DEFAULT-VALUE})") int batch;
  @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE})") double lr;
  @Option(names = "--clip", defaultValue = "5", description = "(default: ${DEFAULT-VALUE})") double clip;
  @Option(names = "--unk-replace", defaultValue = "0.5", paramLabel = "P",
      description = "replace each occurrence of a training singleton by <unk> with probability P, so that <unk> is trained (default: ${DEFAULT-VALUE})")
  double unkReplace;
  @Option(names = "--min-lr", paramLabel = "LR",
      description = "let the learning rate fall to LR along a cosine over the epochs (default: constant --lr)")
  Double minLr;
  @Option(names = "--tags", defaultValue = "iob2", paramLabel = "SCHEME",
      description = "tag encoding to train on: iob2 or iobes (adds E- chunk ends and S- single-token chunks); predictions are IOB2 (default: ${DEFAULT-VALUE})")
  String tags;
  @Option(names = "--sparse-adam",
      description = "update only the word-table rows each batch looked up (lazy Adam, as torch.optim.SparseAdam); faster with a large fine-tuned table")
  boolean sparseAdam;
  @Option(names = "--train-limit", defaultValue = "0", description = "first N training sentences only (0: all)") int trainLimit;
  @Option(names = "--seed", defaultValue = "1", description = "(default: ${DEFAULT-VALUE})") long seed;
  @Option(names = "--out", paramLabel = "FILE", description = "save the selected model") Path out;
  @Option(names = "--checkpoint", paramLabel = "FILE", description = "per-epoch resumable state") Path checkpoint;

  @Override
  public Integer call() throws Exception {
    NerTaggerConfig cfg = new NerTaggerConfig(wordDim, charDim, charHidden, casingDim, hidden, dropout, !noCrf, epochs, batch, lr, clip);
    ConllNerExample.run(new ConllNerExample.Options(nerDir != null ? nerDir : DataDir.resolve().resolve("ner"), cfg, vectors, freeze,
        unkReplace, minLr == null ? Double.NaN : minLr, TagScheme.parse(tags), sparseAdam, trainLimit, seed, out, checkpoint, spec.commandLine().getOut()));
    return 0;
  }
}
