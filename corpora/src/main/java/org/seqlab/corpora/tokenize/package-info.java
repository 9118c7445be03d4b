/**
 * Tokenizers behind {@link org.seqlab.corpora.Tokenizer}.
 *
 * <ul>
 *   <li>{@link org.seqlab.corpora.tokenize.WhitespaceTokenizer}: split on whitespace. This is what
 *       text8 and pre-tokenized corpora (Multi30k, CoNLL) need.
 *   <li>{@link org.seqlab.corpora.tokenize.CharacterTokenizer}: one token per Unicode code point, as a
 *       character-level language model (char-RNN, nanoGPT's Shakespeare) reads text.
 *   <li>{@link org.seqlab.corpora.tokenize.CoreNlpTokenizer}: the Penn Treebank conventions (Marcus et
 *       al., 1993) as implemented by Stanford CoreNLP's {@code PTBTokenizer}. It splits clitics and
 *       punctuation and keeps abbreviations whole. PTB3 escaping is off by default.
 *   <li>{@link org.seqlab.corpora.tokenize.LuceneTokenizer}: word boundaries from Unicode UAX #29
 *       (Lucene's {@code StandardTokenizer}), with optional lower-casing and stop words.
 * </ul>
 *
 * {@link org.seqlab.corpora.tokenize.TokenizerKind} creates each one by name. Every tokenizer has a
 * {@code signature()}, so a vocabulary or model records how its text was split.
 */
package org.seqlab.corpora.tokenize;
