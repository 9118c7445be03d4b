package org.seqlab.embeddings.train;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts work done by all workers and calls the listener at most once per interval (and on demand).
 * Thread-safe; listener calls are serialised.
 */
public final class ProgressMeter {
  private final String method;
  private final int epochs;
  private final long total;
  private final long startDone;
  private final long startNanos;
  private final long intervalNanos;
  private final TrainingListener listener;
  private final AtomicLong done;
  private volatile long nextReport;

  /**
   * @param done work already done (non-zero after a resume); throughput counts only new work
   */
  public ProgressMeter(String method, int epochs, long total, long done, Duration interval,
      TrainingListener listener) {
    this.method = method;
    this.epochs = epochs;
    this.total = total;
    this.startDone = done;
    this.done = new AtomicLong(done);
    this.listener = listener;
    this.startNanos = System.nanoTime();
    this.intervalNanos = interval.toNanos();
    this.nextReport = startNanos + intervalNanos;
  }

  /** Work done so far. */
  public long done() {
    return done.get();
  }

  /** Adds {@code units} of work and reports if the interval has passed. */
  public void add(long units, int epoch, double learningRate) {
    done.addAndGet(units);
    if (System.nanoTime() >= nextReport) {
      synchronized (this) {
        long now = System.nanoTime();
        if (now >= nextReport) {
          nextReport = now + intervalNanos;
          listener.onProgress(snapshot(epoch, learningRate, Double.NaN));
        }
      }
    }
  }

  /** Reports now. */
  public synchronized void report(int epoch, double learningRate, double cost) {
    listener.onProgress(snapshot(epoch, learningRate, cost));
  }

  /** The current state as a progress record. */
  public TrainingProgress snapshot(int epoch, double learningRate, double cost) {
    long elapsed = System.nanoTime() - startNanos;
    long d = done.get();
    double rate = elapsed <= 0 ? 0 : (d - startDone) / (elapsed / 1e9);
    return new TrainingProgress(method, Math.min(epoch, epochs), epochs, d, total, rate, learningRate, cost,
        Duration.ofNanos(elapsed));
  }
}
