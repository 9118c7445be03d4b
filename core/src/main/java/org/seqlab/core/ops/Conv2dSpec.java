package org.seqlab.core.ops;

/**
 * The geometry of a square 2-D convolution or pooling window.
 *
 * <p>For an input of height {@code H}, the output height is {@code (H + 2 padding - kernel) / stride
 * + 1} (floor), and likewise for the width. Padding is with zeros (convolution) or ignored
 * (pooling: padded positions never win a max and are not counted in an average).
 *
 * @param kernel window side, {@code >= 1}
 * @param stride step between windows, {@code >= 1}
 * @param padding zero rows/columns added on each side, {@code 0 <= padding < kernel}
 */
public record Conv2dSpec(int kernel, int stride, int padding) {
  public Conv2dSpec {
    if (kernel < 1) {
      throw new IllegalArgumentException("kernel must be >= 1, got " + kernel);
    }
    if (stride < 1) {
      throw new IllegalArgumentException("stride must be >= 1, got " + stride);
    }
    if (padding < 0 || padding >= kernel) {
      throw new IllegalArgumentException("padding must be in [0, kernel = " + kernel + "), got " + padding);
    }
  }

  /** A stride-1 window with "same" padding {@code (kernel - 1) / 2} (exact for odd kernels). */
  public static Conv2dSpec same(int kernel) {
    return new Conv2dSpec(kernel, 1, (kernel - 1) / 2);
  }

  /** Non-overlapping windows without padding, e.g. {@code 2x2} max pooling with stride 2. */
  public static Conv2dSpec pool(int kernel) {
    return new Conv2dSpec(kernel, kernel, 0);
  }

  /**
   * The output size along an axis of input size {@code in}.
   *
   * @throws IllegalArgumentException when the padded input is smaller than the kernel
   */
  public int outputSize(long in) {
    long padded = in + 2L * padding;
    if (padded < kernel) {
      throw new IllegalArgumentException(
          "input size " + in + " with padding " + padding + " is smaller than the kernel " + kernel);
    }
    return Math.toIntExact((padded - kernel) / stride + 1);
  }

  /** For example {@code k:3|s:1|p:1}. */
  public String signature() {
    return "k:" + kernel + "|s:" + stride + "|p:" + padding;
  }
}
