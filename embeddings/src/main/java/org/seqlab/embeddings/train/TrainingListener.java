package org.seqlab.embeddings.train;

import java.nio.file.Path;

/**
 * Receives progress from a running trainer. Calls may come from any worker thread but never
 * concurrently (the trainer serialises them); implementations should return quickly.
 */
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /** Periodic progress (about once per reporting interval) and once at the end of each epoch. */
  default void onProgress(TrainingProgress progress) {}

  /** A checkpoint was written (atomically) to {@code file}. */
  default void onCheckpoint(Path file, TrainingProgress progress) {}
}
