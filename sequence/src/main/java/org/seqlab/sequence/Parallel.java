package org.seqlab.sequence;

import java.util.stream.IntStream;

/**
 * Splits a loop over rows across the compute threads for the Java kernels (the ones between native
 * gemms). The thread budget is {@code OMP_NUM_THREADS} when set, as for ND4J's own kernels, else
 * the available processors; with one thread everything runs on the caller.
 */
final class Parallel {
  /** A loop body over rows {@code [from, to)}. */
  @FunctionalInterface
  interface Rows {
    void run(int from, int to);
  }

  private static final int DEFAULT_THREADS = threads();
  private static volatile int threads = DEFAULT_THREADS;

  private Parallel() {}

  /**
   * Tests only: split loops into up to {@code n} chunks until the returned handle is closed (the
   * test JVMs run with {@code OMP_NUM_THREADS=1}, which would leave the split paths unexercised).
   */
  static AutoCloseable overrideThreads(int n) {
    threads = Math.max(1, n);
    return () -> threads = DEFAULT_THREADS;
  }

  private static int threads() {
    String omp = System.getenv("OMP_NUM_THREADS");
    if (omp != null) {
      try {
        return Math.max(1, Integer.parseInt(omp.trim()));
      } catch (NumberFormatException e) {
        // fall through to the processor count
      }
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code body} over {@code [0, n)} in at most {@code OMP_NUM_THREADS} (or processor count) contiguous chunks of at least
   * {@code minRows} rows (one chunk, on the caller, when {@code n} is small). Chunks touch disjoint
   * rows, so results do not depend on the thread count.
   */
  static void rows(int n, int minRows, Rows body) {
    int chunks = Math.min(threads, Math.max(1, n / Math.max(1, minRows)));
    if (chunks <= 1) {
      body.run(0, n);
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
  }
}
