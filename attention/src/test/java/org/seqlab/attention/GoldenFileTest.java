package org.seqlab.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlab.decoding.SequenceScorer;

/** The committed version-1 model directory must keep loading and give the log-probability it was written with. */
class GoldenFileTest {
  @Test
  void version1ModelStillLoadsAndScores() throws IOException, URISyntaxException {
    Path dir = Path.of(GoldenFileTest.class.getResource("/golden/seq2seq-v1/model.params").toURI()).getParent();
    Seq2SeqModel m = Seq2SeqModel.load(dir);
    assertEquals("s2s|cell:gru|att:additive|emb:4|enc:3|dec:4|attdim:3|out:4|drop:0.1", m.config().signature());
    assertEquals(GoldenFiles.model().sourceVocabulary(), m.sourceVocabulary());
    double lp = SequenceScorer.logProbs(m, m.encode(List.of(m.encodeSource(GoldenFiles.SOURCE))),
        List.of(m.encodeTarget(GoldenFiles.TARGET)))[0];
    assertEquals(Double.parseDouble(m.provenance().get("run.golden.logprob")), lp, 1e-5);
    // the current code with the same seed builds the same parameters, so the file matches a fresh model too
    Seq2SeqModel fresh = GoldenFiles.model();
    assertEquals(lp, SequenceScorer.logProbs(fresh, fresh.encode(List.of(fresh.encodeSource(GoldenFiles.SOURCE))),
        List.of(fresh.encodeTarget(GoldenFiles.TARGET)))[0], 1e-5);
  }
}
