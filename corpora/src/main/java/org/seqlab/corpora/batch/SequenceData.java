package org.seqlab.corpora.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encoded examples to batch: {@code N} input id sequences, optionally {@code N} target sequences
 * (translations, shifted language-model targets) and optionally {@code N} class labels. Every sequence
 * has length >= 1. Immutable: the arrays are copied in.
 */
public final class SequenceData {
  private final List<int[]> inputs;
  private final List<int[]> targets;
  private final int[] labels;
  private final int padId;

  private SequenceData(List<int[]> inputs, List<int[]> targets, int[] labels, int padId) {
    this.inputs = inputs;
    this.targets = targets;
    this.labels = labels;
    this.padId = padId;
  }

  /**
   * Inputs only.
   *
   * @param padId the id written after each sequence's end (0 for {@code Vocabulary.PAD_ID})
   * @throws IllegalArgumentException if there is no example or a sequence is empty
   */
  public static SequenceData of(List<int[]> inputs, int padId) {
    return new SequenceData(copy(inputs, "inputs"), null, null, padId);
  }

  /** A copy with target sequences, one per input. */
  public SequenceData withTargets(List<int[]> targetSequences) {
    List<int[]> t = copy(targetSequences, "targets");
    checkSize("targets", t.size());
    return new SequenceData(inputs, t, labels, padId);
  }

  /** A copy with class labels, one per input. */
  public SequenceData withLabels(int[] classLabels) {
    Objects.requireNonNull(classLabels, "classLabels");
    checkSize("labels", classLabels.length);
    return new SequenceData(inputs, targets, classLabels.clone(), padId);
  }

  /** {@code N}. */
  public int size() {
    return inputs.size();
  }

  public int padId() {
    return padId;
  }

  /** Length of input {@code i}. */
  public int inputLength(int i) {
    return inputs.get(i).length;
  }

  /** Length of target {@code i}, or 0 without targets. */
  public int targetLength(int i) {
    return targets == null ? 0 : targets.get(i).length;
  }

  public boolean hasTargets() {
    return targets != null;
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** The batch of examples {@code rows}, in that order. */
  PaddedBatch batch(int[] rows) {
    List<int[]> in = new ArrayList<>(rows.length);
    List<int[]> out = targets == null ? null : new ArrayList<>(rows.length);
    int[] lab = labels == null ? null : new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      in.add(inputs.get(rows[i]));
      if (out != null) {
        out.add(targets.get(rows[i]));
      }
      if (lab != null) {
        lab[i] = labels[rows[i]];
      }
    }
    PaddedSequences t = out == null ? null : PaddedSequences.pad(out, padId);
    return new PaddedBatch(PaddedSequences.pad(in, padId), t, lab, rows);
  }

  private void checkSize(String what, int n) {
    if (n != inputs.size()) {
      throw new IllegalArgumentException(
          what + " must have one entry per input (" + inputs.size() + "), got " + n);
    }
  }

  private static List<int[]> copy(List<int[]> seqs, String what) {
    Objects.requireNonNull(seqs, what);
    if (seqs.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty, got 0 sequences");
    }
    List<int[]> out = new ArrayList<>(seqs.size());
    for (int i = 0; i < seqs.size(); i++) {
      int[] s = seqs.get(i);
      if (s == null || s.length == 0) {
        throw new IllegalArgumentException(
            what + "[" + i + "] must have length >= 1, got " + (s == null ? "null" : "length 0"));
      }
      out.add(s.clone());
    }
    return List.copyOf(out);
  }
}
