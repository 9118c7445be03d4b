package org.seqlab.metrics;

/**
 * Perplexity from a summed negative log-likelihood: {@code ppl = exp(NLL / N)} with NLL in nats,
 * and bits per token {@code NLL / (N ln 2)} (bits per character for character models).
 *
 * @param totalNll summed negative log-likelihood in nats
 * @param tokens number of predicted tokens
 */
public record Perplexity(double totalNll, long tokens) {
  public Perplexity {
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must be >= 0, got " + tokens);
    }
    if (Double.isNaN(totalNll) || totalNll < 0) {
      throw new IllegalArgumentException("totalNll must be >= 0 (nats), got " + totalNll);
    }
  }

  /** Mean NLL per token in nats. */
  public double nllPerToken() {
    if (tokens == 0) {
      throw new IllegalStateException("no tokens were counted; add some before asking for perplexity");
    }
    return totalNll / tokens;
  }

  public double perplexity() {
    return Math.exp(nllPerToken());
  }

  public double bitsPerToken() {
    return nllPerToken() / Math.log(2);
  }

  public Perplexity plus(double nll, long n) {
    return new Perplexity(totalNll + nll, tokens + n);
  }
}
