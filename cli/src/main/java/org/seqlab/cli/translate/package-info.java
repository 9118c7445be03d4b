/**
 * Command-line front ends of the attention models: {@code seqlab translate} (translate, train, eval,
 * and the Multi30K and eng-fra reference runs) and {@code seqlab dates} (train, normalize).
 */
package org.seqlab.cli.translate;
