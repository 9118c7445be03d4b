package org.seqlab.examples.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqTrainerConfig;
import org.seqlab.core.Seeds;
import org.seqlab.corpora.SentencePair;
import org.seqlab.corpora.datasets.DataSplit;
import org.seqlab.corpora.datasets.EngFra;
import org.seqlab.sequence.CellType;

/**
 * French to English on the Tatoeba/manythings {@code fra.txt} pairs, filtered and normalised as in
 * the PyTorch tutorial "Translation with a Sequence to Sequence Network and Attention" ({@link
 * EngFra.Config#pytorchTutorial()}: lower case, no accents, at most 9 words, English side starting
 * with "i am", "he is", ...). The file has no official split, so the pairs are split 90/5/5 with the
 * run seed. BLEU is computed on the normalised text (the references are normalised too).
 */
public final class EngFraTranslation {
  private EngFraTranslation() {}

  /** The settings of the reported run. */
  public static TranslationExperiment.Options defaults(Path outputDir) {
    Seq2SeqConfig model = Seq2SeqConfig.builder().cell(CellType.GRU).embedDim(256).encoderHidden(256).decoderHidden(256)
        .attentionDim(256).outputDim(256).dropout(0.2).build();
    Seq2SeqTrainerConfig training = Seq2SeqTrainerConfig.defaults().withBatchSize(64).withEpochs(10)
        .withLearningRate(2e-3, 5e-5).withWarmupSteps(100).withClipNorm(1.0).withMaxLength(30);
    return new TranslationExperiment.Options(model, training, 1, 5, 0.7, 1, outputDir, null, false, null);
  }

  /** Runs on the shared datasets folder ({@link org.seqlab.examples.SharedData#root()}). */
  public static TranslationExperiment.Result run(TranslationExperiment.Options options) throws IOException {
    return run(org.seqlab.examples.SharedData.root().resolve(Path.of("eng-fra", "fra.txt")), options);
  }

  /**
   * @param fraTxt the {@code eng-fra/fra.txt} file
   * @throws IllegalArgumentException when the file is missing
   */
  public static TranslationExperiment.Result run(Path fraTxt, TranslationExperiment.Options options) throws IOException {
    if (!Files.isRegularFile(fraTxt)) {
      throw new IllegalArgumentException("eng-fra file " + fraTxt + " does not exist; set SEQLAB_DATA or pass fra.txt");
    }
    List<SentencePair> pairs = EngFra.load(fraTxt, EngFra.Config.pytorchTutorial()).map(SentencePair::reversed).toList();
    DataSplit<SentencePair> split = DataSplit.random(pairs, 0.05, 0.05, Seeds.derive(options.seed(), "split"));
    return TranslationExperiment.run(options, split.train(), split.validation(), split.test());
  }

  /** {@code EngFraTranslation [FRA_TXT [OUTPUT_DIR [MINUTES]]]}. */
  public static void main(String[] args) throws IOException {
    Path data = args.length > 0 ? Path.of(args[0]) : org.seqlab.examples.SharedData.root().resolve("eng-fra/fra.txt");
    Path out = Path.of(args.length > 1 ? args[1] : "target/eng-fra");
    TranslationExperiment.Options o = defaults(out);
    if (args.length > 2) {
      o = o.withTimeLimit(Duration.ofMinutes(Long.parseLong(args[2])));
    }
    System.out.println("settings: " + o.signature());
    TranslationExperiment.print("eng-fra fr-en (tutorial filter, seeded 90/5/5 split)", o, run(data, o));
  }
}
