package org.seqlab.examples.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqTrainerConfig;
import org.seqlab.corpora.SentencePair;
import org.seqlab.corpora.datasets.Multi30k;
import org.seqlab.sequence.CellType;

/**
 * German to English on Multi30K Task 1 with Bahdanau attention: trains on {@code train} (29,000
 * pairs), validates on {@code val}, and reports sacreBLEU-exact BLEU (13a, mixed case, detokenised
 * output against the raw references) on {@code test_2016_flickr} with greedy and beam decoding.
 */
public final class Multi30kTranslation {
  private Multi30kTranslation() {}

  /** The settings of the reported run. */
  public static TranslationExperiment.Options defaults(Path outputDir) {
    Seq2SeqConfig model = Seq2SeqConfig.builder().cell(CellType.GRU).embedDim(256).encoderHidden(256).decoderHidden(256)
        .attentionDim(256).outputDim(256).dropout(0.3).build();
    Seq2SeqTrainerConfig training = Seq2SeqTrainerConfig.defaults().withBatchSize(64).withEpochs(8)
        .withLearningRate(1e-3, 5e-5).withWarmupSteps(200).withClipNorm(1.0).withMaxLength(60);
    return new TranslationExperiment.Options(model, training, 2, 5, 0.7, 1, outputDir, null, false, null);
  }

  /** Runs on the shared datasets folder ({@link org.seqlab.examples.SharedData#root()}). */
  public static TranslationExperiment.Result run(TranslationExperiment.Options options) throws IOException {
    return run(org.seqlab.examples.SharedData.root().resolve(Path.of("multi30k")), options);
  }

  /**
   * Runs the experiment.
   *
   * @param dataDir the {@code multi30k} folder (holding {@code raw/})
   * @throws IllegalArgumentException when the data is missing
   */
  public static TranslationExperiment.Result run(Path dataDir, TranslationExperiment.Options options) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("Multi30K folder " + dataDir + " does not exist; set SEQLAB_DATA or pass the"
          + " folder holding raw/train.de.gz");
    }
    List<SentencePair> train = Multi30k.pairs(dataDir, Multi30k.Split.TRAIN, Multi30k.Language.DE, Multi30k.Language.EN).toList();
    List<SentencePair> val = Multi30k.pairs(dataDir, Multi30k.Split.VALIDATION, Multi30k.Language.DE, Multi30k.Language.EN).toList();
    List<SentencePair> test = Multi30k.pairs(dataDir, Multi30k.Split.TEST2016, Multi30k.Language.DE, Multi30k.Language.EN).toList();
    return TranslationExperiment.run(options, train, val, test);
  }

  /** {@code Multi30kTranslation [DATA_DIR [OUTPUT_DIR [MINUTES]]]}. */
  public static void main(String[] args) throws IOException {
    Path data = args.length > 0 ? Path.of(args[0]) : org.seqlab.examples.SharedData.root().resolve("multi30k");
    Path out = Path.of(args.length > 1 ? args[1] : "target/multi30k");
    TranslationExperiment.Options o = defaults(out);
    if (args.length > 2) {
      o = o.withTimeLimit(Duration.ofMinutes(Long.parseLong(args[2])));
    }
    System.out.println("settings: " + o.signature());
    TranslationExperiment.print("multi30k de-en test2016", o, run(data, o));
  }
}
