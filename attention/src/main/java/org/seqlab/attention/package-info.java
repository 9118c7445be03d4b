/**
 * Attention encoder-decoder models: Bahdanau et al. (2014) additive attention over a bidirectional
 * recurrent encoder, sequence-to-sequence translation that plugs into the model-agnostic decoders of
 * {@code org.seqlab.decoding}, and a convolutional image encoder for captioning.
 */
package org.seqlab.attention;
