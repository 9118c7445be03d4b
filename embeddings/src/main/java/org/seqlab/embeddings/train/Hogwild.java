package org.seqlab.embeddings.train;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs numbered work units {@code [from, to)} on worker threads that update shared parameters without
 * locks (Hogwild!, Recht et al. 2011). Units are handed out in increasing order from one atomic
 * counter. With one thread the units run in order on the calling thread, so a seeded run is
 * reproducible bit for bit. Used by both trainers.
 */
public final class Hogwild {
  /** The work of one thread: called once per unit it claims. */
  @FunctionalInterface
  public interface Worker {
    void run(long unit);
  }

  private Hogwild() {}

  /**
   * Runs the units; returns when all are done.
   *
   * @param workers creates the worker of thread {@code t} (own buffers, shared parameters)
   * @throws RuntimeException the first failure of any worker (the others stop at their next unit)
   */
  public static void run(int threads, long from, long to, String name, IntFunction<Worker> workers) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (threads == 1) {
      Worker w = workers.apply(0);
      for (long u = from; u < to; u++) {
        w.run(u);
      }
      return;
    }
    AtomicLong next = new AtomicLong(from);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] pool = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      Worker w = workers.apply(t);
      pool[t] = new Thread(() -> {
        try {
          for (long u = next.getAndIncrement(); u < to && failure.get() == null; u = next.getAndIncrement()) {
            w.run(u);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, name + "-" + t);
      pool[t].setDaemon(true);
      pool[t].start();
    }
    try {
      for (Thread th : pool) {
        th.join();
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, e);
      for (Thread th : pool) {
        th.interrupt();
      }
      Thread.currentThread().interrupt();
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new IllegalStateException("training was interrupted", f);
    }
  }
}
