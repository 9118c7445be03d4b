/**
 * An audio front end for speech models: WAV input, framing, power spectra, log-mel features.
 *
 * <p>{@link org.seqlab.corpora.audio.Wav} reads mono 8/16-bit linear PCM. {@link
 * org.seqlab.corpora.audio.LogMelSpectrogram} computes, for frame {@code f} of {@code L} samples
 * every {@code hop} samples, after pre-emphasis {@code x'[n] = x[n] - a x[n-1]} and a window {@code
 * w}:
 *
 * <pre>
 *   P_f(k) = |sum_n w[n] x'[f hop + n] e^{-2 pi i k n / N}|^2              k = 0 .. N/2  (JTransforms FFT)
 *   E_f(m) = sum_k H_m(k) P_f(k)                                           triangular mel filters
 *   F_f(m) = log(E_f(m) + 1e-10)                                           mel(f) = 2595 log10(1 + f/700)
 * </pre>
 *
 * <p>and {@link org.seqlab.corpora.audio.LogMelSpectrogram#normalise} standardises each of the
 * {@code M} dimensions over an utterance (cepstral mean and variance normalisation in the log-mel
 * domain), which removes the recording's gain and channel colouring. {@link
 * org.seqlab.corpora.audio.Fsdd} lists the Free Spoken Digit Dataset.
 */
package org.seqlab.corpora.audio;
