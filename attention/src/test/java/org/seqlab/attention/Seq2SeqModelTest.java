package org.seqlab.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.corpora.SentencePair;
import org.seqlab.decoding.BeamSearch;
import org.seqlab.decoding.BeamSearchConfig;
import org.seqlab.decoding.GreedySearch;
import org.seqlab.decoding.Hypothesis;
import org.seqlab.decoding.SequenceScorer;
import org.seqlab.sequence.CellType;

class Seq2SeqModelTest {
  static final List<SentencePair> PAIRS = List.of(
      new SentencePair("ein Hund läuft .", "a dog runs."),
      new SentencePair("eine Katze schläft", "a cat sleeps"),
      new SentencePair("zwei Hunde spielen im Park", "two dogs play in the park"),
      new SentencePair("ein Mann", "a man"));

  static Seq2SeqModel untrained(CellType cell, AttentionKind kind, long seed) {
    Seq2SeqData data = Seq2SeqData.build(PAIRS, Segmentation.WORDS, Segmentation.WORDS, 1);
    Seq2SeqConfig c = Seq2SeqConfig.builder().cell(cell).attention(kind).embedDim(8).encoderHidden(6).decoderHidden(7)
        .attentionDim(5).outputDim(9).dropout(0.1).build();
    Seq2SeqNetwork net = new Seq2SeqNetwork(c, data.sourceVocabulary().size(), data.targetVocabulary().size(),
        DataType.FLOAT, seed);
    return new Seq2SeqModel(net, data.sourceVocabulary(), data.targetVocabulary(), Segmentation.WORDS,
        Segmentation.WORDS, Map.of("run.seed", Long.toString(seed)));
  }

  @Test
  void stepwiseInferenceAgreesWithTheTeacherForcedTrainingGraph() {
    for (CellType cell : new CellType[] {CellType.GRU, CellType.LSTM}) {
      for (AttentionKind kind : AttentionKind.values()) {
        Seq2SeqModel m = untrained(cell, kind, 3);
        Seq2SeqData d = Seq2SeqData.encode(PAIRS, m.sourceVocabulary(), m.targetVocabulary(), Segmentation.WORDS,
            Segmentation.WORDS);
        double[] lp = SequenceScorer.logProbs(m, m.encode(d.sources()), d.targets());
        double total = 0;
        for (double v : lp) {
          total += v;
        }
        // the training graph (one fused pass, dropout off) and the step model must give the same likelihood
        assertEquals(-m.evaluate(d.sources(), d.targets()), total / d.targetTokens(), 1e-4, cell + " " + kind);
      }
    }
  }

  @Test
  void beamSearchOnTheModelIsBatchInvariant() {
    Seq2SeqModel m = untrained(CellType.GRU, AttentionKind.ADDITIVE, 4);
    Seq2SeqData d = Seq2SeqData.encode(PAIRS, m.sourceVocabulary(), m.targetVocabulary(), Segmentation.WORDS,
        Segmentation.WORDS);
    BeamSearch beam = new BeamSearch(BeamSearchConfig.of(3).withNBest(2).withMaxLength(6).withAlpha(0.5));
    List<List<Hypothesis>> all = beam.decode(m.forDecoding(), m.encode(d.sources()));
    for (int i = 0; i < d.size(); i++) {
      List<Hypothesis> one = beam.decode(m.forDecoding(), m.encode(List.of(d.sources().get(i)))).get(0);
      assertEquals(one.size(), all.get(i).size());
      for (int k = 0; k < one.size(); k++) {
        assertArrayEquals(one.get(k).tokens(), all.get(i).get(k).tokens());
        assertEquals(one.get(k).score(), all.get(i).get(k).score(), 1e-4);
      }
    }
  }

  @Test
  void attentionWeightsAreDistributionsOverTheSource() {
    Seq2SeqModel m = untrained(CellType.GRU, AttentionKind.ADDITIVE, 5);
    int[] src = m.encodeSource("zwei Hunde spielen");
    double[][] w = m.attentionWeights(src, m.encodeTarget("two dogs"));
    assertEquals(3, w.length);
    for (double[] row : w) {
      assertEquals(src.length, row.length);
      assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-9);
    }
    assertThrows(IllegalStateException.class,
        () -> untrained(CellType.GRU, AttentionKind.NONE, 1).attentionWeights(src, new int[0]));
  }

  @Test
  void saveLoadRoundTripAndCorruptFilesFailClearly(@TempDir Path dir) throws IOException {
    Seq2SeqModel m = untrained(CellType.LSTM, AttentionKind.ADDITIVE, 6);
    Path md = dir.resolve("m");
    m.save(md);
    Seq2SeqModel back = Seq2SeqModel.load(md);
    assertEquals(m.config(), back.config());
    assertEquals(m.sourceVocabulary(), back.sourceVocabulary());
    assertEquals("6", back.provenance().get("run.seed"));
    int[] src = m.encodeSource("ein Hund");
    GreedySearch g = new GreedySearch(8);
    assertEquals(g.decode(m.forDecoding(), m.encode(List.of(src))), g.decode(back.forDecoding(), back.encode(List.of(src))));

    Path params = md.resolve(Seq2SeqFiles.PARAMS);
    byte[] good = Files.readAllBytes(params);
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x5a;
    Files.write(params, bad);
    IOException e = assertThrows(IOException.class, () -> Seq2SeqModel.load(md));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    Files.write(params, java.util.Arrays.copyOf(good, good.length - 10));
    e = assertThrows(IOException.class, () -> Seq2SeqModel.load(md));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    Files.write(params, good);

    untrained(CellType.GRU, AttentionKind.ADDITIVE, 1).targetVocabulary().save(md.resolve(Seq2SeqFiles.TARGET_VOCAB));
    Seq2SeqData other = Seq2SeqData.build(List.of(new SentencePair("x", "y")), Segmentation.WORDS, Segmentation.WORDS, 1);
    other.targetVocabulary().save(md.resolve(Seq2SeqFiles.TARGET_VOCAB));
    e = assertThrows(IOException.class, () -> Seq2SeqModel.load(md));
    assertTrue(e.getMessage().contains("belongs to another model"), e.getMessage());
    assertThrows(java.nio.file.NoSuchFileException.class, () -> Seq2SeqModel.load(dir.resolve("missing")));
  }

  @Test
  void translatorIsSafeForConcurrentUse() throws Exception {
    Translator t = new Translator(untrained(CellType.GRU, AttentionKind.ADDITIVE, 8));
    List<String> texts = List.of("ein Hund läuft .", "zwei Hunde spielen im Park", "eine Katze", "ein Mann schläft");
    Translator.Options beam = Translator.Options.beam(3, 0.7).withAllowUnknown(true);
    List<Translator.Translation> expected = t.translate(texts, beam);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<Translator.Translation>>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> t.translate(texts, beam)));
      }
      for (var f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThrows(IllegalArgumentException.class, () -> t.translate(List.of("ok", " "), beam));
  }

  @Test
  void wordSegmentationIsReversible() {
    Segmentation w = Segmentation.WORDS;
    String s = "A dog's ball, (red) -- e-mail: x@y.de 12.5%!";
    List<String> t = w.tokenize(s);
    assertEquals(List.of("A", "dog", "\uFFED'", "\uFFEDs", "ball", "\uFFED,", "(", "\uFFEDred", "\uFFED)", "-", "\uFFED-",
        "e", "\uFFED-", "\uFFEDmail", "\uFFED:", "x", "\uFFED@", "\uFFEDy", "\uFFED.", "\uFFEDde", "12", "\uFFED.",
        "\uFFED5", "\uFFED%", "\uFFED!"), t);
    assertEquals(s, w.detokenize(t));
    assertEquals("Zwei Männer  am Strand.".replace("  ", " "), w.detokenize(w.tokenize("Zwei Männer  am Strand.")));
    assertEquals(List.of("2", "0", " ", "J"), Segmentation.CHARACTERS.tokenize("20 J"));
    assertEquals("20 J", Segmentation.CHARACTERS.detokenize(List.of("2", "0", " ", "J")));
  }
}
