package org.seqlab.core.optim;

import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/**
 * Gradient clipping by global norm (Pascanu et al. 2013): when {@code ||g|| > maxNorm} over all
 * non-frozen gradients together, every gradient is scaled by {@code maxNorm / ||g||}.
 */
public final class ClipByGlobalNorm {
  private ClipByGlobalNorm() {}

  /**
   * Clips in place.
   *
   * @return the norm before clipping
   */
  public static double clip(ParameterSet params, double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
    }
    double norm = params.globalNorm();
    if (norm > maxNorm) {
      double scale = maxNorm / norm;
      for (Parameter p : params.list()) {
        if (!p.frozen()) {
          p.scaleGrad(scale);
        }
      }
    }
    return norm;
  }
}
