/**
 * Image captioning on synthetic scenes: {@link org.seqlab.examples.caption.CaptionExample} trains a
 * show-and-tell or show-attend-and-tell model and prints BLEU-4 and exact match, greedy and beam, on
 * held-out renders and on never-seen colour-shape combinations.
 */
package org.seqlab.examples.caption;
