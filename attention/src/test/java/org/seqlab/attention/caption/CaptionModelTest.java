package org.seqlab.attention.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.decoding.LogProbs;
import org.seqlab.decoding.StepModel;

class CaptionModelTest {
  @TempDir Path dir;

  private static List<BufferedImage> images(int n) {
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TinyModels.ramp(8 + 4 * (i % 3), 37 * i)); // other sizes are resized to 8
    }
    return out;
  }

  @Test
  void stepModelContract() {
    for (CaptionVariant v : CaptionVariant.values()) {
      CaptionModel m = TinyModels.model(v, 3);
      CaptionState s = m.initialState(images(3));
      assertEquals(3, s.rows());
      StepModel.Step<CaptionState> st = m.step(s, new int[] {m.bosId(), m.bosId(), m.bosId()});
      LogProbs lp = st.logProbs();
      assertEquals(3, lp.rows());
      assertEquals(m.vocabulary().size(), lp.vocabSize());
      for (int r = 0; r < 3; r++) {
        double sum = 0;
        for (int t = 0; t < lp.vocabSize(); t++) {
          sum += Math.exp(lp.get(r, t));
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(Double.NEGATIVE_INFINITY, lp.get(r, Vocabulary.PAD_ID));
        assertEquals(Double.NEGATIVE_INFINITY, lp.get(r, Vocabulary.BOS_ID));
        assertEquals(Double.NEGATIVE_INFINITY, lp.get(r, Vocabulary.UNK_ID));
      }
      // reordering rows reorders the results; the state itself is unchanged
      CaptionState re = s.reorder(new int[] {2, 2, 0});
      LogProbs lp2 = m.step(re, new int[] {m.bosId(), m.bosId(), m.bosId()}).logProbs();
      assertEquals(lp.get(2, 5), lp2.get(0, 5), 1e-6);
      assertEquals(lp.get(0, 5), lp2.get(2, 5), 1e-6);
      assertEquals(lp.get(0, 5), m.step(s, new int[] {m.bosId(), m.bosId(), m.bosId()}).logProbs().get(0, 5), 0);
      assertThrows(IllegalArgumentException.class, () -> s.reorder(new int[] {3}));
      assertThrows(IllegalArgumentException.class, () -> m.step(s, new int[] {m.bosId()}));
    }
  }

  @Test
  void anExhaustiveBeamFindsTheBestCaptionAndGreedyNeverBeatsIt() {
    // with at most 2 tokens (a word then <eos>, or <eos>) a beam of 40 > V holds every prefix, so
    // beam search must return the brute-force optimum
    for (CaptionVariant v : CaptionVariant.values()) {
      CaptionModel m = TinyModels.model(v, 4);
      List<BufferedImage> imgs = images(3);
      List<Caption> greedy = m.describeAll(imgs, new DecodeOptions(1, 0, 2, false));
      List<Caption> beam = m.describeAll(imgs, new DecodeOptions(40, 0, 2, false));
      CaptionState s0 = m.initialState(imgs);
      LogProbs first = m.step(s0, new int[] {m.bosId(), m.bosId(), m.bosId()}).logProbs();
      for (int i = 0; i < 3; i++) {
        double best = first.get(i, m.eosId());
        CaptionState row = s0.reorder(new int[] {i});
        for (int w = 4; w < m.vocabSize(); w++) {
          CaptionState after = m.step(row, new int[] {m.bosId()}).state();
          best = Math.max(best, first.get(i, w) + m.step(after, new int[] {w}).logProbs().get(0, m.eosId()));
        }
        assertEquals(best, beam.get(i).logProb(), 1e-5, v + " image " + i); // float32 model, batched vs single rows
        assertTrue(greedy.get(i).logProb() <= best + 1e-5);
      }
    }
  }

  @Test
  void attentionMapsAreDistributionsOverTheGrid() throws IOException {
    CaptionModel m = TinyModels.model(CaptionVariant.SHOW_ATTEND_AND_TELL, 5);
    Caption c = m.describe(images(1).get(0), new DecodeOptions(2, 0, 6, true));
    assertEquals(4, c.gridSize());
    assertEquals(c.tokens().size() + 1, c.attention().length);
    for (double[] w : c.attention()) {
      assertEquals(16, w.length);
      assertEquals(1.0, java.util.Arrays.stream(w).sum(), 1e-6);
    }
    Path png = dir.resolve("heat.png");
    AttentionHeatmaps.write(png, images(1).get(0), c, 32);
    BufferedImage strip = javax.imageio.ImageIO.read(png.toFile());
    assertEquals((c.tokens().size() + 2) * 32, strip.getWidth());
    assertEquals(32 + 16, strip.getHeight());
    Caption plain = TinyModels.model(CaptionVariant.SHOW_AND_TELL, 5).describe(images(1).get(0), DecodeOptions.greedy().withAttentionMaps(true));
    assertEquals(null, plain.attention());
    assertThrows(IllegalArgumentException.class, () -> AttentionHeatmaps.render(images(1).get(0), plain, 32));
  }

  @Test
  void concurrentCallsGiveTheSequentialResults() throws Exception {
    for (CaptionVariant v : CaptionVariant.values()) {
      CaptionModel m = TinyModels.model(v, 6);
      List<BufferedImage> imgs = images(8);
      DecodeOptions opt = new DecodeOptions(3, 0.7, 10, true);
      List<Caption> expected = new ArrayList<>();
      for (BufferedImage img : imgs) {
        expected.add(m.describe(img, opt));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Caption>> futures = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
          for (BufferedImage img : imgs) {
            futures.add(pool.submit(() -> m.describe(img, opt)));
          }
        }
        for (int k = 0; k < futures.size(); k++) {
          Caption got = futures.get(k).get();
          Caption want = expected.get(k % imgs.size());
          assertEquals(want.text(), got.text());
          assertEquals(want.logProb(), got.logProb(), 0);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void saveAndLoadGiveTheSameCaptions() throws IOException {
    for (CaptionVariant v : CaptionVariant.values()) {
      CaptionModel m = TinyModels.model(v, 7);
      Path f = dir.resolve(v.label() + ".spf");
      m.save(f);
      CaptionModel back = CaptionModel.load(f);
      assertEquals(m.signature(), back.signature());
      assertEquals(m.vocabulary(), back.vocabulary());
      assertEquals("7", back.provenance().get("run.seed"));
      for (BufferedImage img : images(3)) {
        Caption a = m.describe(img, DecodeOptions.beam(3));
        Caption b = back.describe(img, DecodeOptions.beam(3));
        assertEquals(a.text(), b.text());
        assertEquals(a.logProb(), b.logProb(), 0);
      }
    }
  }

  @Test
  void corruptTruncatedOrForeignFilesGetClearErrors() throws IOException {
    Path f = dir.resolve("m.spf");
    TinyModels.model(CaptionVariant.SHOW_AND_TELL, 8).save(f);
    byte[] bytes = Files.readAllBytes(f);
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x10;
    Path bad = Files.write(dir.resolve("flipped.spf"), flipped);
    IOException e = assertThrows(IOException.class, () -> CaptionModel.load(bad));
    assertTrue(e.getMessage().contains("flipped.spf") && e.getMessage().contains("checksum"), e.getMessage());
    Path cut = Files.write(dir.resolve("cut.spf"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
    IOException t = assertThrows(IOException.class, () -> CaptionModel.load(cut));
    assertTrue(t.getMessage().contains("truncated"), t.getMessage());
    Path text = Files.writeString(dir.resolve("text.spf"), "hello");
    assertThrows(IOException.class, () -> CaptionModel.load(text));
    assertThrows(java.nio.file.NoSuchFileException.class, () -> CaptionModel.load(dir.resolve("missing.spf")));
    // a valid parameter file of another kind
    Path other = dir.resolve("other.spf");
    org.seqlab.core.io.ParameterFile.write(other, java.util.Map.of(), java.util.Map.of("format", "seqlab-charlm"));
    IOException o = assertThrows(IOException.class, () -> CaptionModel.load(other));
    assertTrue(o.getMessage().contains("not a caption model"), o.getMessage());
  }

  @Test
  void describesEncodedBytesAndRejectsGarbage() throws IOException {
    CaptionModel m = TinyModels.model(CaptionVariant.SHOW_AND_TELL, 9);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(images(1).get(0), "png", png);
    assertEquals(m.describe(images(1).get(0), DecodeOptions.greedy()).text(), m.describe(png.toByteArray(), DecodeOptions.greedy()).text());
    assertThrows(IOException.class, () -> m.describe(new byte[] {1, 2, 3}, DecodeOptions.greedy()));
    assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(0, 0, 10, false));
  }
}
