/**
 * {@code seqlab caption train|describe|eval|scenes}: the command-line face of {@code
 * org.seqlab.attention.caption} (train on synthetic scenes with progress, ETA and checkpoints;
 * caption PNG/JPEG files with greedy or beam search and optional attention heatmaps; score BLEU-4 and
 * exact match on held-out scenes; render scenes to try).
 */
package org.seqlab.cli.caption;
