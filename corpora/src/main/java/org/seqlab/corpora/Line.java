package org.seqlab.corpora;

/**
 * One line of a text file with its 1-based number, for readers that report {@code path:line}.
 *
 * @param number 1-based line number
 * @param text the line without its terminator
 */
public record Line(long number, String text) {}
