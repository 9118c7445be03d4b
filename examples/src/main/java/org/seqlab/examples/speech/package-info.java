/**
 * Speech examples on the Free Spoken Digit Dataset: connected-digit recognition with CTC and
 * trigger-word detection.
 *
 * <h2>Connected digits ({@link org.seqlab.examples.speech.SpokenDigits})</h2>
 *
 * <p>Utterances of 1-7 digits are built by joining FSDD recordings with 50-250 ms gaps over a faint
 * noise floor; training draws fresh utterances from the training takes (5-49) at every step, and
 * the test utterances use only the test takes (0-4). Features are 40 log-mel energies (25 ms Hann
 * frames every 10 ms), normalised per utterance and stacked three at a time (30 ms, 120
 * features). A bidirectional GRU stack and a linear layer give per-frame scores over the blank and
 * the ten digits; the loss is CTC (Graves et al. 2006, {@link org.seqlab.sequence.ctc.CtcLoss}).
 * Decoding is best path or prefix beam search ({@link org.seqlab.decoding.ctc}). Reported: the
 * character error rate {@code (S + D + I) / N} over all test digits and the fraction of test
 * utterances transcribed exactly.
 *
 * <h2>Trigger word ({@link org.seqlab.examples.speech.TriggerWord})</h2>
 *
 * <p>Clips of generated background noise receive 0-2 recordings of the trigger digit and 0-3 other
 * digits at random, non-overlapping times. The frames just after each trigger ends are the
 * positives of a per-frame two-class cross-entropy for a GRU: bidirectional by default (it reads
 * whole recordings), or unidirectional (causal, so it can run on a stream). Detections are the peaks of {@code P(trigger just ended)} above a threshold, at
 * most one per refractory period; a detection within {@code [-0.1, +0.6]} s of a true trigger end
 * matches it, and precision, recall and F1 are computed over the matches.
 *
 * <p>Models are {@link org.seqlab.examples.speech.AcousticModel} files (versioned, checksummed,
 * written atomically); {@link org.seqlab.examples.speech.SpeechTrainer} reports progress with an
 * ETA and checkpoints/resumes.
 */
package org.seqlab.examples.speech;
