package org.seqlab.core;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic derivation of independent seeds from one run seed, so that every stochastic step
 * (initialisation of each layer, dropout at each step, shuffling in each epoch) gets its own
 * reproducible stream without shared mutable random state.
 *
 * <p>Mixing uses the SplitMix64 finaliser (Steele, Lea and Flood 2014), a bijection on 64-bit
 * values with good avalanche: {@code z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9; z = (z ^ (z >>>
 * 27)) * 0x94d049bb133111eb; z ^ (z >>> 31)}.
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Seeds() {}

  /** The seed for child {@code index} of {@code seed} (e.g. the training step or epoch). */
  public static long derive(long seed, long index) {
    return mix(mix(seed) + GOLDEN_GAMMA * (index + 1));
  }

  /** The seed for a named child of {@code seed} (e.g. a parameter name), stable across runs and JVMs. */
  public static long derive(long seed, String label) {
    long h = 0xcbf29ce484222325L; // FNV-1a 64 over the UTF-8 bytes
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(mix(seed) ^ mix(h));
  }

  /** The SplitMix64 finaliser. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
