package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Writes the golden files under src/test/resources/golden. Run once per format version, by hand:
 * {@code java -cp ... org.seqlab.sequence.GoldenFiles sequence/src/test/resources/golden}; the
 * committed files must then keep loading in every later build.
 */
final class GoldenFiles {
  private GoldenFiles() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    String only = args.length > 1 ? args[1] : "";
    if (only.isEmpty() || only.equals("charlm")) {
      charLm(dir);
    }
    if (only.isEmpty() || only.equals("classifier")) {
      classifier(dir);
    }
    if (only.isEmpty() || only.equals("ner")) {
      ner(dir);
    }
    if (only.isEmpty() || only.equals("wordlm")) {
      wordLm(dir);
    }
  }

  /** A 1-layer LSTM over words {a, b} (plus the 4 specials) with every parameter 0. */
  static void wordLm(Path dir) throws IOException {
    CharLmConfig net = CharLmConfig.builder().embedDim(3).hiddenSize(4).layers(1).dropout(0).batchSize(1)
        .bpttLength(2).steps(1).evalEvery(0).evalChars(0).build();
    WordLmConfig cfg = new WordLmConfig(net, org.seqlab.corpora.tokenize.TokenizerKind.WHITESPACE, true, 1, 100);
    TokenTable vocab = TokenTable.of(java.util.List.of("<pad>", "<unk>", "<bos>", "<eos>", "a", "b"), "<unk>");
    LanguageModel lm = new LanguageModel(net.model(vocab.size()), DataType.FLOAT, 1);
    lm.parameters().list().forEach(p -> p.value().assign(0));
    new WordLanguageModel(cfg, vocab, lm, Map.of("run.seed", "1")).save(dir.resolve("wordlm-v1.seqlab"));
  }

  /** A mean-embedding classifier, every parameter 0 but the output bias (0, ln 3). */
  static void classifier(Path dir) throws IOException {
    ClassifierConfig cfg = ClassifierConfig.of(ClassifierConfig.Encoder.MEAN_EMBEDDING, 3, 2, 1, 2).withTraining(1, 1, 0.01);
    SequenceClassifier m = SequenceClassifier.train(cfg, java.util.List.of(new SequenceClassifier.Example(new int[] {1}, 0)), null, 1);
    m.parameters().list().forEach(p -> p.value().assign(0));
    m.parameters().get("clf.out.b").value().putScalar(1, Math.log(3));
    m.save(dir.resolve("classifier-v1.seqlab"), TokenTable.of(java.util.List.of("<pad>", "<unk>", "fine"), "<unk>"),
        TokenTable.of(java.util.List.of("bad", "good"), null), Map.of("run.seed", "1"));
  }

  /** A BiLSTM-CRF tagger without char or casing features; see NerTaggerTest.goldenFileVersion1KeepsLoading. */
  static void ner(Path dir) throws IOException {
    NerTaggerConfig cfg = new NerTaggerConfig(2, 2, 0, 0, 2, 0, true, 1, 1, 0.01, 5);
    NerTagger m = new NerTagger(cfg, TokenTable.of(java.util.List.of("<pad>", "<unk>", "eu"), "<unk>"),
        TokenTable.of(java.util.List.of("<pad>", "<unk>", "E"), "<unk>"), TokenTable.of(java.util.List.of("B-ORG", "O"), null), 1);
    m.parameters().list().forEach(p -> p.value().assign(0));
    m.parameters().get("ner.emit.b").value().putScalar(1, 1.0);
    m.parameters().get("ner.crf.start").value().putScalar(0, 5.0);
    m.save(dir.resolve("ner-v1.seqlab"), Map.of("run.seed", "1"));
  }

  static void charLm(Path dir) throws IOException {
    CharLmConfig cfg = CharLmConfig.builder().embedDim(3).hiddenSize(4).layers(1).dropout(0).batchSize(1)
        .bpttLength(2).steps(1).evalEvery(0).evalChars(0).build();
    CharVocabulary vocab = CharVocabulary.of("abc\n");
    LanguageModel lm = new LanguageModel(cfg.model(vocab.size()), DataType.FLOAT, 1);
    lm.parameters().list().forEach(p -> p.value().assign(0));
    new CharLanguageModel(cfg, vocab, lm, Map.of("run.seed", "1")).save(dir.resolve("charlm-v1.seqlab"));
  }
}
