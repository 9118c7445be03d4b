package org.seqlab.corpora.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqlab.corpora.Line;
import org.seqlab.corpora.TextSource;

/**
 * The dinosaur-name list of the deeplearning.ai "Dinosaurus Island" exercise ({@code dinos/dinos.txt}):
 * one name per line, 1,536 names, no trailing newline. Blank lines are skipped and names are stripped.
 */
public final class Dinos {
  private Dinos() {}

  /**
   * The names in file order.
   *
   * @param lowerCase lower-case with {@link Locale#ROOT}, as the exercise does
   * @throws IllegalArgumentException if the file is missing or has no name
   */
  public static List<String> load(Path dinosTxt, boolean lowerCase) {
    List<String> names = new ArrayList<>();
    for (Line line : Texts.lines(TextSource.of(dinosTxt))) {
      String name = line.text().strip();
      if (!name.isEmpty()) {
        names.add(lowerCase ? name.toLowerCase(Locale.ROOT) : name);
      }
    }
    return List.copyOf(names);
  }
}
