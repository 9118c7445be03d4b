/**
 * Word vectors adjusted with a lexicon. {@link org.seqlab.embeddings.lexicon.AntonymRepulsion}
 * pushes antonyms apart (the antonym-repel term of counter-fitting, Mrkšić et al. 2016, "Counter-fitting
 * Word Vectors to Linguistic Constraints"): distributional vectors put "happy" next to "sad" and
 * "angry" because they share contexts, which hurts a sentiment classifier built on them.
 */
package org.seqlab.embeddings.lexicon;
