package org.seqlab.embeddings.train;

/**
 * A small, fast, seedable generator for the training loops (xorshift64*, Vigna 2016), one instance
 * per worker and work unit. Not thread-safe. Streams are keyed by {@link #forUnit} so that a work
 * unit's random choices depend only on (seed, epoch, unit), never on which thread ran it; that is what
 * makes checkpoint/resume exact.
 */
final class FastRandom {
  private long state;

  FastRandom(long seed) {
    long s = mix(seed);
    state = s == 0 ? 0x9E3779B97F4A7C15L : s;
  }

  /** The stream of work unit {@code unit} of epoch {@code epoch} under {@code seed}. */
  static FastRandom forUnit(long seed, int epoch, int unit) {
    return new FastRandom(mix(seed ^ mix(0x5851F42D4C957F2DL * (epoch + 1L) + unit)));
  }

  /** SplitMix64's finaliser: a bijective 64-bit mixer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    long x = state;
    x ^= x >>> 12;
    x ^= x << 25;
    x ^= x >>> 27;
    state = x;
    return x * 0x2545F4914F6CDD1DL;
  }

  /** Uniform in [0, bound) for bound in [1, 2^31), by the multiply-high method. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform float in [0, 1) with 24 random bits. */
  float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }
}
