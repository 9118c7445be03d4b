package org.seqlab.sequence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Progress reporting and checkpointing of an epoch-based training run (classifier, tagger).
 *
 * @param listener receives a report about every {@code reportSeconds} and after each epoch
 * @param reportSeconds seconds between in-epoch reports
 * @param checkpoint resumable state saved after every epoch (and resumed from when it exists), or null
 */
public record TrainingOptions(Consumer<EpochProgress> listener, double reportSeconds, Path checkpoint) {
  public TrainingOptions {
    Objects.requireNonNull(listener, "listener");
    if (!(reportSeconds > 0)) {
      throw new IllegalArgumentException("reportSeconds must be > 0, got " + reportSeconds);
    }
  }

  /** No reports, no checkpoint. */
  public static TrainingOptions quiet() {
    return new TrainingOptions(p -> {}, 3600, null);
  }

  public TrainingOptions withCheckpoint(Path file) {
    return new TrainingOptions(listener, reportSeconds, file);
  }

  EpochTrainer.Options epochOptions() {
    return epochOptions(null);
  }

  EpochTrainer.Options epochOptions(DoubleSupplier validation) {
    return new EpochTrainer.Options(listener, reportSeconds, checkpoint, validation);
  }
}
