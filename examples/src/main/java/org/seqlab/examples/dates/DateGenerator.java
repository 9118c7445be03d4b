package org.seqlab.examples.dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.seqlab.corpora.SentencePair;

/**
 * Human-readable dates in many formats ("July 20th 1969", "23 April, 1564", "tue 10 jul 2007",
 * "20.07.1969", "jul 20 '69", ...) paired with their ISO form {@code YYYY-MM-DD}, from a seed.
 *
 * <p>Dates are uniform over 1500-01-01 .. 2099-12-31 except for the two-digit-year format, whose
 * years lie in the fixed window 1930..2029 so that it stays unambiguous. Weekday names are the true
 * (proleptic Gregorian) weekday. Letter case varies (as written, lower or upper case).
 */
public final class DateGenerator {
  static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};
  static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  /** Number of formats. */
  public static final int FORMATS = 16;
  private static final LocalDate FIRST = LocalDate.of(1500, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2099, 12, 31);

  private DateGenerator() {}

  /** One human-readable form of {@code date} in format {@code f} ({@code 0 <= f < FORMATS}), before case changes. */
  public static String format(LocalDate date, int f) {
    int d = date.getDayOfMonth();
    int m = date.getMonthValue();
    int y = date.getYear();
    String month = MONTHS[m - 1];
    String mon = month.substring(0, 3);
    String day = DAYS[date.getDayOfWeek().getValue() - 1];
    String dy = day.substring(0, 3);
    return switch (f) {
      case 0 -> month + " " + d + ordinal(d) + " " + y;
      case 1 -> d + " " + month + ", " + y;
      case 2 -> dy + " " + d + " " + mon + " " + y;
      case 3 -> month + " " + d + ", " + y;
      case 4 -> d + " " + mon + " " + y;
      case 5 -> String.format(Locale.ROOT, "%02d.%02d.%d", d, m, y);
      case 6 -> String.format(Locale.ROOT, "%02d/%02d/%d", m, d, y);
      case 7 -> day + ", " + month + " " + d + ", " + y;
      case 8 -> "the " + d + ordinal(d) + " of " + month + " " + y;
      case 9 -> y + "-" + m + "-" + d;
      case 10 -> mon + " " + d + " '" + String.format(Locale.ROOT, "%02d", y % 100);
      case 11 -> String.format(Locale.ROOT, "%d-%s-%d", d, mon, y);
      case 12 -> dy + ", " + mon + " " + d + " " + y;
      case 13 -> y + " " + month + " " + d;
      case 14 -> d + ordinal(d) + " " + mon + " " + y;
      case 15 -> mon + ". " + d + ", " + y;
      default -> throw new IllegalArgumentException("format must be in [0, " + FORMATS + "), got " + f);
    };
  }

  static String ordinal(int d) {
    if (d >= 11 && d <= 13) {
      return "th";
    }
    return switch (d % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  /** A random date in the range of format {@code f}. */
  static LocalDate randomDate(int f, SplittableRandom rng) {
    if (f == 10) {
      return LocalDate.of(1930, 1, 1).plusDays(rng.nextLong(LocalDate.of(2029, 12, 31).toEpochDay()
          - LocalDate.of(1930, 1, 1).toEpochDay() + 1));
    }
    return FIRST.plusDays(rng.nextLong(LAST.toEpochDay() - FIRST.toEpochDay() + 1));
  }

  /**
   * {@code n} pairs (human form, ISO form) whose dates are not in {@code exclude}; their dates are
   * added to {@code used} (when not null).
   */
  public static List<SentencePair> generate(int n, long seed, Set<LocalDate> exclude, Set<LocalDate> used) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<SentencePair> out = new ArrayList<>(n);
    while (out.size() < n) {
      int f = rng.nextInt(FORMATS);
      LocalDate date = randomDate(f, rng);
      if (exclude != null && exclude.contains(date)) {
        continue;
      }
      String text = format(date, f);
      int c = rng.nextInt(4);
      if (c == 1) {
        text = text.toLowerCase(Locale.ROOT);
      } else if (c == 2) {
        text = text.toUpperCase(Locale.ROOT);
      }
      if (used != null) {
        used.add(date);
      }
      out.add(new SentencePair(text, date.toString()));
    }
    return out;
  }

  /** A held-out set of {@code testSize} pairs and a training set whose dates never occur in it. */
  public static List<List<SentencePair>> trainAndTest(int trainSize, int testSize, long seed) {
    Set<LocalDate> testDates = new HashSet<>();
    List<SentencePair> test = generate(testSize, org.seqlab.core.Seeds.derive(seed, "test"), null, testDates);
    List<SentencePair> train = generate(trainSize, org.seqlab.core.Seeds.derive(seed, "train"), testDates, null);
    return List.of(train, test);
  }
}
