package org.seqlab.examples;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Locating the shared datasets, with a clear message when one is missing. */
public final class Datasets {
  private Datasets() {}

  /** {@code $SEQLAB_DATA}, else {@code ../shared/data} relative to the working directory. */
  public static Path defaultDir() {
    String env = System.getenv("SEQLAB_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of("..", "shared", "data").toAbsolutePath().normalize();
  }

  /**
   * {@code dir/relative}, which must exist.
   *
   * @throws NoSuchFileException naming the dataset and where it was looked for
   */
  public static Path require(Path dir, String relative, String dataset) throws IOException {
    Path p = dir.resolve(relative);
    if (!Files.exists(p)) {
      throw new NoSuchFileException(p.toString(), null,
          "dataset " + dataset + " not found (set $SEQLAB_DATA or --data-dir to the folder holding " + relative + ")");
    }
    return p;
  }

  /**
   * A whole UTF-8 file.
   *
   * @throws IOException naming the file when it is missing, not valid UTF-8 or empty
   */
  public static String readString(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    String s;
    try {
      s = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": not valid UTF-8", e);
    }
    if (s.isBlank()) {
      throw new IOException(file + ": empty; expected text");
    }
    return s;
  }

  /** The lines of a UTF-8 file (see {@link #readString}). */
  public static List<String> readLines(Path file) throws IOException {
    return List.of(readString(file).split("\r?\n"));
  }

  /** Seconds as {@code 1h02m03s}, {@code 4m05s} or {@code 6.7s}. */
  public static String duration(double seconds) {
    long s = Math.round(seconds);
    if (seconds < 60) {
      return String.format(java.util.Locale.ROOT, "%.1fs", seconds);
    }
    return s >= 3600
        ? String.format(java.util.Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
