package org.seqlab.corpora.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.seqlab.corpora.Corpus;
import org.seqlab.corpora.Line;
import org.seqlab.corpora.ParallelCorpus;
import org.seqlab.corpora.SentencePair;
import org.seqlab.corpora.TextSource;

/**
 * Multi30K Task 1 (Elliott et al., 2016): English image descriptions of Flickr30K with German and
 * French translations. The layout is that of the {@code multi30k/dataset} repository. The raw,
 * untokenized, true-cased sentences are in {@code raw/<split>.<lang>.gz}, and the image names in
 * {@code image_splits/<split>.txt}. Line i of every file of a split refers to the same image. Plain
 * (not gzipped) files are accepted as well.
 */
public final class Multi30k {
  /** The splits and their file stems. */
  public enum Split {
    TRAIN("train"),
    VALIDATION("val"),
    TEST2016("test_2016_flickr");

    private final String stem;

    Split(String stem) {
      this.stem = stem;
    }

    /** The file-name stem, for example {@code test_2016_flickr}. */
    public String stem() {
      return stem;
    }
  }

  /** The languages. */
  public enum Language {
    EN,
    DE,
    FR;

    /** The file suffix, for example {@code de}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Multi30k() {}

  /**
   * The sentence pairs of one split, line-aligned; for example {@code (dir, TRAIN, EN, DE)} gives
   * English→German.
   *
   * @param dir the dataset folder holding {@code raw/} (or the {@code raw} folder itself)
   * @throws IllegalArgumentException if a file is missing or empty, or if the line counts differ
   */
  public static Corpus<SentencePair> pairs(Path dir, Split split, Language source, Language target) {
    Objects.requireNonNull(split, "split");
    if (source == target) {
      throw new IllegalArgumentException(
          "source and target must differ, got " + source + " and " + target);
    }
    return ParallelCorpus.aligned(file(dir, split, source), file(dir, split, target));
  }

  /** The sentences of one split in one language. */
  public static List<String> sentences(Path dir, Split split, Language language) {
    List<String> out = new ArrayList<>();
    for (Line l : Texts.lines(file(dir, split, language))) {
      out.add(l.text());
    }
    return List.copyOf(out);
  }

  /** The Flickr30K image file names of one split ({@code image_splits/<split>.txt}), in line order. */
  public static List<String> imageNames(Path dir, Split split) {
    Path p = dir.resolve("image_splits").resolve(split.stem() + ".txt");
    List<String> out = new ArrayList<>();
    for (Line l : Texts.lines(TextSource.of(p))) {
      out.add(l.text().strip());
    }
    return List.copyOf(out);
  }

  /** The source of one split and language: {@code raw/<stem>.<lang>.gz}, or without {@code .gz}. */
  static TextSource file(Path dir, Split split, Language language) {
    Objects.requireNonNull(dir, "dir");
    Path raw = Files.isDirectory(dir.resolve("raw")) ? dir.resolve("raw") : dir;
    String name = split.stem() + "." + language.code();
    Path gz = raw.resolve(name + ".gz");
    Path plain = raw.resolve(name);
    if (Files.isRegularFile(gz)) {
      return TextSource.of(gz);
    }
    if (Files.isRegularFile(plain)) {
      return TextSource.of(plain);
    }
    throw new IllegalArgumentException(
        "Multi30K file " + gz + " does not exist (nor " + plain + "); expected the multi30k/dataset"
            + " layout raw/<split>.<lang>.gz");
  }
}
