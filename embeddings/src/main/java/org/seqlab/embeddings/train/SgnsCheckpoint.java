package org.seqlab.embeddings.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.seqlab.embeddings.train.SkipGramTrainer.SgnsState;

/**
 * Skip-gram checkpoints in {@link CheckpointFile} format: the config (every field), the corpus
 * fingerprint (vocabulary checksum, token and sentence counts), the position (next work unit, words
 * done) and the arrays {@code syn0} and {@code syn1neg}. The random streams need no saved state: each
 * work unit's stream is derived from (seed, epoch, sentence), so the position determines them.
 */
final class SgnsCheckpoint {
  private SgnsCheckpoint() {}

  static void write(Path path, SkipGramConfig c, EncodedCorpus corpus, SgnsState s) throws IOException {
    Map<String, String> h = new TreeMap<>();
    h.put("method", "sgns");
    h.put("signature", c.signature());
    h.put("dim", Integer.toString(c.dim()));
    h.put("window", Integer.toString(c.window()));
    h.put("negative", Integer.toString(c.negative()));
    h.put("minCount", Integer.toString(c.minCount()));
    h.put("sample", Double.toString(c.sample()));
    h.put("alpha", Double.toString(c.alpha()));
    h.put("minAlpha", Double.toString(c.minAlpha()));
    h.put("epochs", Integer.toString(c.epochs()));
    h.put("threads", Integer.toString(c.threads()));
    h.put("seed", Long.toString(c.seed()));
    h.put("maxVocab", Integer.toString(c.maxVocab()));
    h.put("vocabSize", Integer.toString(corpus.vocabulary().size()));
    h.put("vocabChecksum", corpus.vocabulary().checksum());
    h.put("tokens", Long.toString(corpus.tokenCount()));
    h.put("sentences", Integer.toString(corpus.sentenceCount()));
    h.put("nextUnit", Long.toString(s.nextUnit()));
    h.put("wordsDone", Long.toString(s.wordsDone()));
    CheckpointFile.write(path, h, SkipGramTrainer.arrays(s));
  }

  static SkipGramConfig readConfig(Path path) throws IOException {
    return config(path, CheckpointFile.read(path));
  }

  private static SkipGramConfig config(Path path, CheckpointFile.Contents c) throws IOException {
    if (!"sgns".equals(c.header().get("method"))) {
      throw new IOException(path + ": not a skip-gram checkpoint (method=" + c.header().get("method") + ")");
    }
    try {
      return new SkipGramConfig(
          Integer.parseInt(c.get("dim", path)),
          Integer.parseInt(c.get("window", path)),
          Integer.parseInt(c.get("negative", path)),
          Integer.parseInt(c.get("minCount", path)),
          Double.parseDouble(c.get("sample", path)),
          Double.parseDouble(c.get("alpha", path)),
          Double.parseDouble(c.get("minAlpha", path)),
          Integer.parseInt(c.get("epochs", path)),
          Integer.parseInt(c.get("threads", path)),
          Long.parseLong(c.get("seed", path)),
          Integer.parseInt(c.get("maxVocab", path)));
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": checkpoint config is invalid: " + e.getMessage(), e);
    }
  }

  /** Reads a checkpoint for {@code expected} on {@code corpus}; the thread count may differ. */
  static SgnsState read(Path path, SkipGramConfig expected, EncodedCorpus corpus) throws IOException {
    CheckpointFile.Contents c = CheckpointFile.read(path);
    SkipGramConfig stored = config(path, c);
    if (!stored.withThreads(expected.threads()).equals(expected)) {
      throw new IOException(path + ": checkpoint was written for " + stored.signature()
          + ", not for " + expected.signature());
    }
    String checksum = corpus.vocabulary().checksum();
    if (!checksum.equals(c.get("vocabChecksum", path))
        || !Long.toString(corpus.tokenCount()).equals(c.get("tokens", path))
        || !Integer.toString(corpus.sentenceCount()).equals(c.get("sentences", path))) {
      throw new IOException(path + ": checkpoint was written for another corpus (vocabulary "
          + c.get("vocabChecksum", path) + ", " + c.get("tokens", path) + " tokens; this corpus: " + checksum
          + ", " + corpus.tokenCount() + " tokens)");
    }
    long n = (long) corpus.vocabulary().size() * stored.dim();
    try {
      return new SgnsState(RowOps.rows(c.array("syn0", n, path), stored.dim()),
          RowOps.rows(c.array("syn1neg", n, path), stored.dim()),
          Long.parseLong(c.get("nextUnit", path)), Long.parseLong(c.get("wordsDone", path)));
    } catch (NumberFormatException e) {
      throw new IOException(path + ": checkpoint position is not a number: " + e.getMessage(), e);
    }
  }
}
