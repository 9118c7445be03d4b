package org.seqlab.attention.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed version-1 files (written once by {@link GoldenFiles}: tiny untrained models, seed 1)
 * must keep loading, with the same configuration, vocabulary and outputs as when they were written.
 */
class CaptionGoldenFileTest {
  private static final Path DIR = Path.of("src/test/resources/golden");

  @Test
  void showAndTellVersion1KeepsLoading() throws IOException {
    check("caption-show-and-tell-v1.spf", CaptionVariant.SHOW_AND_TELL, "red left left left left", -19.522531564);
  }

  @Test
  void showAttendAndTellVersion1KeepsLoading() throws IOException {
    check("caption-show-attend-and-tell-v1.spf", CaptionVariant.SHOW_ATTEND_AND_TELL, "purple red purple purple purple",
        -18.472185600);
  }

  private static void check(String file, CaptionVariant variant, String caption, double logProb) throws IOException {
    CaptionModel m = CaptionModel.load(DIR.resolve(file));
    assertEquals(TinyModels.config(variant, 0).signature(), m.signature());
    assertEquals(CaptionVocabulary.standard(), m.vocabulary());
    assertEquals("1", m.provenance().get("run.seed"));
    assertEquals(0.0, m.network().params.get("enc.bn0.running_mean").value().sumNumber().doubleValue(), 0);
    // the outputs printed when the file was written
    Caption c = m.describe(TinyModels.ramp(8, 0), new DecodeOptions(1, 0, 6, false));
    assertEquals(caption, c.text());
    assertEquals(logProb, c.logProb(), 1e-6);
  }
}
