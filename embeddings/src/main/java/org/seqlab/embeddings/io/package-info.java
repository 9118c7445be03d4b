/**
 * Word-vector files: the formats of the word2vec C tool (Mikolov et al. 2013; text and binary) and
 * of Stanford GloVe (Pennington et al. 2014; text without header), which every embedding tool reads,
 * plus a JSON sidecar that adds what those formats lack: a version, the producer's signature and a
 * SHA-256 checksum.
 *
 * <pre>
 *   word2vec text    "N D\n" then N x "word v1 v2 ... vD\n"
 *   word2vec binary  "N D\n" then N x (word bytes, ' ', D x float32 little-endian, '\n')
 *   GloVe text       N x "word v1 v2 ... vD\n"
 *   sidecar          &lt;file&gt;.seqlab.json {kind, version, format, signature, sha256, vocabSize, dim}
 * </pre>
 *
 * <p>Words are UTF-8 and may not contain whitespace. Rows keep the vocabulary order, most frequent
 * first, which {@link org.seqlab.embeddings.WordVectors#restrictTo} relies on.
 */
package org.seqlab.embeddings.io;
