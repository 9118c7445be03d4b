package org.seqlab.corpora.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded split of examples into train, validation and test lists, for datasets that ship without
 * one (eng-fra, rt-polarity).
 *
 * @param train training examples
 * @param validation validation examples (possibly empty)
 * @param test test examples (possibly empty)
 */
public record DataSplit<T>(List<T> train, List<T> validation, List<T> test) {
  public DataSplit {
    train = List.copyOf(train);
    validation = List.copyOf(validation);
    test = List.copyOf(test);
  }

  /**
   * Shuffles {@code items} with {@code seed} (Fisher–Yates on {@link SplittableRandom}). The first
   * {@code round(n*validationFraction)} shuffled items go to validation, the next {@code
   * round(n*testFraction)} to test, and the rest to train.
   *
   * @throws IllegalArgumentException if the fractions are negative or sum to more than 1
   */
  public static <T> DataSplit<T> random(
      List<T> items, double validationFraction, double testFraction, long seed) {
    if (!(validationFraction >= 0) || !(testFraction >= 0) || validationFraction + testFraction > 1) {
      throw new IllegalArgumentException(
          "validationFraction and testFraction must be >= 0 with sum <= 1, got " + validationFraction
              + " and " + testFraction);
    }
    List<T> s = shuffled(items, seed);
    int n = s.size();
    int nv = (int) Math.round(n * validationFraction);
    int nt = Math.min(n - nv, (int) Math.round(n * testFraction));
    return new DataSplit<>(s.subList(nv + nt, n), s.subList(0, nv), s.subList(nv, nv + nt));
  }

  /**
   * K-fold cross-validation: {@code items} are shuffled with {@code seed} and cut into {@code k} folds
   * of near-equal size. Split {@code i} tests on fold {@code i} and trains on the others; its
   * validation list is empty.
   *
   * @throws IllegalArgumentException if {@code k < 2} or {@code k > items.size()}
   */
  public static <T> List<DataSplit<T>> kFold(List<T> items, int k, long seed) {
    if (k < 2 || k > items.size()) {
      throw new IllegalArgumentException(
          "k must be in [2, " + items.size() + "] (the number of items), got " + k);
    }
    List<T> s = shuffled(items, seed);
    int n = s.size();
    List<DataSplit<T>> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int from = (int) ((long) n * i / k);
      int to = (int) ((long) n * (i + 1) / k);
      List<T> train = new ArrayList<>(s.subList(0, from));
      train.addAll(s.subList(to, n));
      out.add(new DataSplit<>(train, List.of(), s.subList(from, to)));
    }
    return out;
  }

  private static <T> List<T> shuffled(List<T> items, long seed) {
    List<T> s = new ArrayList<>(items);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = s.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T tmp = s.get(i);
      s.set(i, s.get(j));
      s.set(j, tmp);
    }
    return s;
  }
}
