package org.seqlab.cli.sequence;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.corpora.tokenize.TokenizerKind;
import org.seqlab.examples.lm.WordLmExample;
import org.seqlab.sequence.WordLmConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab lm train-word}: a word-level language model. */
@Command(
    name = "train-word",
    mixinStandardHelpOptions = true,
    description =
        "Trains a word-level LSTM language model and reports validation perplexity. --data "
            + "tinyshakespeare|text8|FILE (a file of lines; the last 10% validate).")
public final class TrainWordLmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "tinyshakespeare", description = "tinyshakespeare, text8 or a UTF-8 file of lines (default: ${DEFAULT-VALUE})")
  String data;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "shared datasets (default: $SEQLAB_DATA or ../shared/data)")
  Path dataDir;

  @Option(names = "--text8-words", defaultValue = "1000000", description = "text8: training words (the next tenth validates) (default: ${DEFAULT-VALUE})")
  int text8Words;

  @Option(names = "--tokenizer", description = "WHITESPACE, CORENLP or LUCENE (default: CORENLP; WHITESPACE for text8)")
  TokenizerKind tokenizer;

  @Option(names = "--keep-case", description = "do not lower-case")
  boolean keepCase;

  @Option(names = "--min-count", defaultValue = "2", description = "rarer words become <unk> (default: ${DEFAULT-VALUE})")
  int minCount;

  @Option(names = "--max-vocab", defaultValue = "10000", description = "most frequent words kept (default: ${DEFAULT-VALUE})")
  int maxVocab;

  @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "save the model here")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "resumable training state (saved every 25 steps)")
  Path checkpoint;

  @Option(names = "--prompt", defaultValue = "", description = "seed text of the samples")
  String prompt;

  @Option(names = "--samples", defaultValue = "3", description = "samples to print (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--score", paramLabel = "SENTENCE", description = "sentences to score after training (repeatable)")
  List<String> probes;

  @Mixin NetworkOptions network;
  @Mixin SamplingOptions sampling;

  @Override
  public Integer call() throws Exception {
    WordLmConfig d = WordLmExample.shakespeareConfig();
    TokenizerKind tok = tokenizer != null ? tokenizer : data.equals("text8") ? TokenizerKind.WHITESPACE : TokenizerKind.CORENLP;
    WordLmConfig cfg = new WordLmConfig(network.apply(d.network()), tok, !keepCase, minCount, maxVocab);
    WordLmExample.run(new WordLmExample.Options(
        data, dataDir != null ? dataDir : DataDir.resolve(), cfg, seed, out, checkpoint, sampling.config(), samples,
        prompt, probes, text8Words, spec.commandLine().getOut()));
    return 0;
  }
}
