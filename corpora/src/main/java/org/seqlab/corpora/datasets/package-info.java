/**
 * Loaders for the shared datasets. Each takes the path of the files and reads them when called; no
 * data is bundled or copied. Each documents its source paper, the file layout, the encoding and the
 * split convention it follows.
 *
 * <ul>
 *   <li>{@link org.seqlab.corpora.datasets.TinyShakespeare}: char-rnn's corpus with nanoGPT's 90/10
 *       split by characters.
 *   <li>{@link org.seqlab.corpora.datasets.Dinos}: dinosaur names, one per line.
 *   <li>{@link org.seqlab.corpora.datasets.EngFra}: Tatoeba English–French pairs, with the PyTorch
 *       seq2seq tutorial's normalization, length limit and {@code eng_prefixes} filter.
 *   <li>{@link org.seqlab.corpora.datasets.Multi30k}: Multi30K task 1 (Elliott et al., 2016), line-aligned
 *       en/de/fr for train, val and test2016.
 *   <li>{@link org.seqlab.corpora.datasets.SentimentData}: rt-polarity (Pang and Lee, 2005; the
 *       charset is detected, Windows-1252 for Cornell's original files) and emojify (CSV).
 * </ul>
 *
 * {@link org.seqlab.corpora.datasets.DataSplit} makes seeded train/validation/test and k-fold splits
 * for datasets that ship without one.
 */
package org.seqlab.corpora.datasets;
