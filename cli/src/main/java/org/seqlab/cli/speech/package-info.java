/**
 * The {@code seqlab speech} (train, transcribe) and {@code seqlab trigger} (train, detect) commands
 * over {@link org.seqlab.examples.speech}.
 */
package org.seqlab.cli.speech;
