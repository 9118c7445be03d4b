package org.seqlab.embeddings.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;

/**
 * Approximate nearest neighbours by cosine over a {@link WordVectors} table, with Apache Lucene's
 * HNSW graph: each word's unit vector is a {@link KnnFloatVectorField} with {@link
 * VectorSimilarityFunction#DOT_PRODUCT} (on unit vectors the dot product is the cosine; Lucene
 * scores it as {@code (1 + cos) / 2}, mapped back here), searched by {@link KnnFloatVectorQuery}.
 *
 * <p>The index lives in memory ({@link ByteBuffersDirectory}) or in a directory on disk; the
 * commit records N, D, a SHA-256 of the vocabulary and the graph parameters, checked by {@link
 * #open}. Lucene's files are versioned and checksummed by Lucene itself. Thread-safe for queries;
 * close it when done.
 */
public final class HnswIndex implements AutoCloseable {
  private static final String VECTOR = "vector";
  private static final String ROW = "row";
  private static final String KEY_SIZE = "seqlab.vocabSize";
  private static final String KEY_DIM = "seqlab.dim";
  private static final String KEY_VOCAB = "seqlab.vocabSha256";
  private static final String KEY_GRAPH = "seqlab.graph";

  private final WordVectors vectors;
  private final HnswConfig config;
  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int[] docToRow;

  private HnswIndex(WordVectors vectors, HnswConfig config, Directory dir) throws IOException {
    this.vectors = vectors;
    this.config = config;
    this.dir = dir;
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null);
    this.docToRow = docToRow(reader);
  }

  /** Builds an index in memory. */
  public static HnswIndex build(WordVectors v, HnswConfig config) throws IOException {
    Directory d = new ByteBuffersDirectory();
    write(d, v, config);
    return new HnswIndex(v, config, d);
  }

  /** Builds an index in {@code directory}, which must be empty or not exist. */
  public static HnswIndex build(WordVectors v, HnswConfig config, Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      try (var files = Files.list(directory)) {
        if (files.findAny().isPresent()) {
          throw new IllegalArgumentException("index directory must be empty or absent, got non-empty " + directory);
        }
      }
    }
    Files.createDirectories(directory);
    Directory d = FSDirectory.open(directory);
    try {
      write(d, v, config);
      return new HnswIndex(v, config, d);
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /**
   * Opens an index built by {@link #build(WordVectors, HnswConfig, Path)} for the same vectors.
   *
   * @param efSearch the search-time candidate list size
   * @throws IllegalArgumentException if the index was built for another vocabulary or dimension
   */
  public static HnswIndex open(WordVectors v, Path directory, int efSearch) throws IOException {
    Directory d = FSDirectory.open(directory);
    try {
      Map<String, String> data = DirectoryReader.listCommits(d).get(0).getUserData();
      String expectVocab = vocabHash(v);
      if (!String.valueOf(v.size()).equals(data.get(KEY_SIZE))
          || !String.valueOf(v.dim()).equals(data.get(KEY_DIM))
          || !expectVocab.equals(data.get(KEY_VOCAB))) {
        throw new IllegalArgumentException(
            "index " + directory + " was built for " + data.get(KEY_SIZE) + " x " + data.get(KEY_DIM)
                + " vectors (vocabulary " + data.get(KEY_VOCAB) + "), not these " + v.size() + " x " + v.dim()
                + " (vocabulary " + expectVocab + ")");
      }
      String[] g = data.get(KEY_GRAPH).split(",");
      HnswConfig c = new HnswConfig(Integer.parseInt(g[0]), Integer.parseInt(g[1]), efSearch);
      return new HnswIndex(v, c, d);
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  private static void write(Directory d, WordVectors v, HnswConfig config) throws IOException {
    if (v.dim() > 1024) {
      throw new IllegalArgumentException("Lucene's HNSW format indexes at most 1024 dimensions, got " + v.dim());
    }
    IndexWriterConfig iwc = new IndexWriterConfig();
    iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    iwc.setCodec(new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return new Lucene99HnswVectorsFormat(config.maxConn(), config.beamWidth());
      }
    });
    // one in-memory segment: a single graph, no merge that would rebuild it
    iwc.setRAMBufferSizeMB(Math.max(64, 4.0 * v.size() * (v.dim() * 4 + 64) / (1 << 20)));
    iwc.setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH);
    FieldType ft = KnnFloatVectorField.createFieldType(v.dim(), VectorSimilarityFunction.DOT_PRODUCT);
    try (IndexWriter w = new IndexWriter(d, iwc)) {
      for (int i = 0; i < v.size(); i++) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(VECTOR, v.unitVector(i), ft));
        doc.add(new NumericDocValuesField(ROW, i));
        w.addDocument(doc);
      }
      w.forceMerge(1);
      Map<String, String> data = new TreeMap<>();
      data.put(KEY_SIZE, String.valueOf(v.size()));
      data.put(KEY_DIM, String.valueOf(v.dim()));
      data.put(KEY_VOCAB, vocabHash(v));
      data.put(KEY_GRAPH, config.maxConn() + "," + config.beamWidth());
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

  private static int[] docToRow(DirectoryReader reader) throws IOException {
    int[] rows = new int[reader.maxDoc()];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues dv = leaf.reader().getNumericDocValues(ROW);
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        rows[leaf.docBase + doc] = (int) dv.longValue();
      }
    }
    return rows;
  }

  private static String vocabHash(WordVectors v) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String w : v.words()) {
        md.update(w.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The k approximate nearest words to {@code word} by cosine, the word itself excluded. */
  public List<Neighbor> nearest(String word, int k) throws IOException {
    OptionalInt row = vectors.indexOf(word);
    if (row.isEmpty()) {
      throw new IllegalArgumentException("unknown word \"" + word + "\": not in the vocabulary of " + vectors.size() + " words");
    }
    return search(vectors.unitVector(row.getAsInt()), k, row.getAsInt());
  }

  /** The k approximate nearest words to a query vector ({@code [D]}) by cosine. */
  public List<Neighbor> nearest(float[] query, int k) throws IOException {
    if (query == null || query.length != vectors.dim()) {
      throw new IllegalArgumentException(
          "query vector must have shape [" + vectors.dim() + "], got " + (query == null ? "null" : "[" + query.length + "]"));
    }
    float[] q = query.clone();
    double ss = 0;
    for (float x : q) {
      ss += (double) x * x;
    }
    if (ss > 0) {
      for (int i = 0; i < q.length; i++) {
        q[i] = (float) (q[i] / Math.sqrt(ss));
      }
    }
    return search(q, k, -1);
  }

  private List<Neighbor> search(float[] unitQuery, int k, int excludeRow) throws IOException {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int want = Math.min(k + (excludeRow >= 0 ? 1 : 0), vectors.size());
    int ef = Math.max(want, config.efSearch());
    TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, unitQuery, ef), ef);
    List<Neighbor> out = new ArrayList<>(k);
    for (ScoreDoc sd : top.scoreDocs) {
      int row = docToRow[sd.doc];
      if (row != excludeRow && out.size() < k) {
        out.add(new Neighbor(vectors.word(row), 2.0 * sd.score - 1.0));
      }
    }
    return out;
  }

  /** The graph and search parameters. */
  public HnswConfig config() {
    return config;
  }

  /** The number of indexed words. */
  public int size() {
    return reader.numDocs();
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      dir.close();
    }
  }
}
