package org.seqlab.metrics;

/**
 * Classification accuracy with its counts.
 *
 * @param correct correctly classified examples
 * @param total all examples
 */
public record Accuracy(long correct, long total) {
  public Accuracy {
    if (correct < 0 || total < 0 || correct > total) {
      throw new IllegalArgumentException(
          "need 0 <= correct <= total, got correct=" + correct + " total=" + total);
    }
  }

  /** Accuracy of predicted labels against gold labels. */
  public static Accuracy of(int[] gold, int[] predicted) {
    if (gold.length != predicted.length) {
      throw new IllegalArgumentException(
          "gold has " + gold.length + " labels but predicted has " + predicted.length);
    }
    long c = 0;
    for (int i = 0; i < gold.length; i++) {
      if (gold[i] == predicted[i]) {
        c++;
      }
    }
    return new Accuracy(c, gold.length);
  }

  public double value() {
    return total == 0 ? 0 : (double) correct / total;
  }

  public Accuracy plus(Accuracy o) {
    return new Accuracy(correct + o.correct, total + o.total);
  }
}
