package org.seqlab.embeddings.index;

/**
 * Parameters of the HNSW graph (Malkov &amp; Yashunin 2018) that Lucene builds.
 *
 * @param maxConn M, the number of neighbours kept per node and layer (Lucene default 16; 2..512)
 * @param beamWidth efConstruction, the candidate list size while inserting (Lucene default 100; 1..3200)
 * @param efSearch the candidate list size while searching, {@code >= 1}; a query for k neighbours
 *     explores {@code max(k, efSearch)} candidates, trading speed for recall
 */
public record HnswConfig(int maxConn, int beamWidth, int efSearch) {
  /** Lucene's version, part of the signature (the graph and file format come from it). */
  public static final String LUCENE_VERSION = org.apache.lucene.util.Version.LATEST.toString();

  public HnswConfig {
    if (maxConn < 2 || maxConn > 512) {
      throw new IllegalArgumentException("maxConn must be in [2, 512], got " + maxConn);
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException("beamWidth must be in [1, 3200], got " + beamWidth);
    }
    if (efSearch < 1) {
      throw new IllegalArgumentException("efSearch must be >= 1, got " + efSearch);
    }
  }

  /** Lucene's defaults M = 16, efConstruction = 100, with efSearch = 100. */
  public static HnswConfig defaults() {
    return new HnswConfig(16, 100, 100);
  }

  /** A copy with another efSearch. */
  public HnswConfig withEfSearch(int ef) {
    return new HnswConfig(maxConn, beamWidth, ef);
  }

  /** E.g. {@code hnsw|m:16|efc:100|ef:100|sim:dot-unit|lucene:9.12.1}. */
  public String signature() {
    return "hnsw|m:" + maxConn + "|efc:" + beamWidth + "|ef:" + efSearch + "|sim:dot-unit|lucene:" + LUCENE_VERSION;
  }
}
