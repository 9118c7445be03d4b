/**
 * Attention translation on the shared datasets: Multi30K German to English (BLEU on test2016) and
 * the Tatoeba English-French pairs (French to English). Outputs are detokenised and scored against
 * the raw references with the metrics module's sacreBLEU-exact corpus BLEU.
 */
package org.seqlab.examples.translate;
