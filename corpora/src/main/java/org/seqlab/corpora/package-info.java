/**
 * Text data for seqlab: restartable corpora, vocabularies and the readers beneath them.
 *
 * <h2>Restartable corpora</h2>
 *
 * A {@link org.seqlab.corpora.Corpus} is an {@code Iterable} whose every {@code iterator()} starts a
 * fresh pass, re-reading its file. Trainers need this: word2vec reads the corpus once to count the
 * vocabulary and then once per epoch. gensim's word2vec states the same rule, "the corpus must be
 * restartable (not just a generator)". Iterators of file-backed corpora are {@link
 * org.seqlab.corpora.CorpusIterator}s: they close the file at the end of a pass, and can be closed
 * early with try-with-resources.
 *
 * <h2>Strict decoding, explicit charsets</h2>
 *
 * Every reader goes through {@link org.seqlab.corpora.TextSource}, which decodes with an explicit
 * charset (UTF-8 unless a dataset is documented otherwise) and reports malformed bytes as a {@link
 * org.seqlab.corpora.CorpusFormatException} with {@code path:line:}. It never replaces them with U+FFFD.
 * A {@code .zip} with one entry is read in place by streaming inflation, so {@code text8.zip}
 * (10<sup>8</sup> bytes on one line) is never unpacked or held as one string: {@link
 * org.seqlab.corpora.WhitespaceTokenStream} scans it through a 64K-character buffer.
 *
 * <h2>Vocabularies</h2>
 *
 * A {@link org.seqlab.corpora.Vocabulary} maps tokens to dense ids. Regular tokens come in descending
 * count order, ties broken by token, so the same corpus always gives the same ids. With {@link
 * org.seqlab.corpora.Specials#STANDARD} the reserved ids come first: {@code <pad>}=0, {@code <unk>}=1,
 * {@code <bos>}=2 and {@code <eos>}=3. With {@link org.seqlab.corpora.Specials#NONE} every id is a
 * real word, which is what embedding tables want. {@link org.seqlab.corpora.VocabularyBuilder} counts
 * with an open-addressing table keyed by character ranges. On the whitespace stream it allocates a
 * string only for each new distinct token. Vocabulary files are versioned UTF-8 text with a CRC32 of
 * the payload, and they are written atomically (temporary file, then rename).
 *
 * <h2>Text corpora</h2>
 *
 * {@link org.seqlab.corpora.LineCorpus} (lines), {@link org.seqlab.corpora.SentenceCorpus} (lines
 * through a {@link org.seqlab.corpora.Tokenizer}), {@link org.seqlab.corpora.ParallelCorpus}
 * (line-aligned files or tab-separated pairs) and {@link org.seqlab.corpora.ConllReader} (CoNLL-2003
 * columns) live here. So does the {@code Tokenizer} interface.
 *
 * <h2>Sub-packages</h2>
 *
 * <ul>
 *   <li>{@code org.seqlab.corpora.tokenize}: the tokenizer implementations (whitespace, code point,
 *       Stanford PTB, Lucene analyzers).
 *   <li>{@code org.seqlab.corpora.batch}: padding, masks and length-bucketed batching.
 *   <li>{@code org.seqlab.corpora.datasets}: loaders for the shared datasets (paths passed in).
 * </ul>
 */
package org.seqlab.corpora;
