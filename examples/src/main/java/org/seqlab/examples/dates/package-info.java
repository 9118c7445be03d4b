/**
 * Date normalisation with Bahdanau attention: "July 20th 1969", "23 April, 1564", "tue 10 jul 2007"
 * and a dozen other formats are translated character by character into ISO {@code 1969-07-20}. The
 * attention heatmap shows the model reading the day, month and year from wherever the format puts
 * them.
 */
package org.seqlab.examples.dates;
