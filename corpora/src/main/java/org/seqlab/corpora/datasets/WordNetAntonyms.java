package org.seqlab.corpora.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.seqlab.corpora.CorpusFormatException;

/**
 * The antonym pairs of a WordNet 3.0 database ({@code data.noun}, {@code data.verb}, {@code data.adj},
 * {@code data.adv}; Debian's {@code wordnet-base} installs them in {@code /usr/share/wordnet}).
 *
 * <p>Each synset line reads {@code offset lex_filenum ss_type w_cnt (lemma lex_id)... p_cnt
 * (symbol offset pos source/target)... | gloss}, with {@code w_cnt} in hexadecimal. An antonym
 * pointer ({@code !}) is lexical: its {@code source/target} field (four hexadecimal digits) names
 * the lemma in this synset and the lemma in the target synset (1-based; {@code 00} means every
 * lemma). Lemmas are lower-cased with {@link Locale#ROOT}; adjective markers such as {@code (a)} or
 * {@code (p)} are dropped; multi-word lemmas keep WordNet's underscores ({@code ill_will}). Lines
 * that start with two spaces are the licence header.
 */
public final class WordNetAntonyms {
  /** The four data files, in the order they are read. */
  public static final List<String> FILES = List.of("data.noun", "data.verb", "data.adj", "data.adv");

  /** Two different lemmas, {@code first < second} in {@link String#compareTo} order. */
  public record Pair(String first, String second) {
    public Pair {
      if (first == null || second == null || first.compareTo(second) >= 0) {
        throw new IllegalArgumentException("a pair needs two lemmas in sorted order, got (" + first + ", " + second + ")");
      }
    }
  }

  /**
   * An antonym pointer, parsed once when its line is read.
   *
   * @param offsetText the target synset's offset as written (for messages)
   * @param sourceTarget the {@code source/target} field as written (for messages)
   * @param source 1-based lemma of this synset, 0 for all
   * @param target 1-based lemma of the target synset, 0 for all
   */
  private record Pointer(String offsetText, long offset, String pos, String sourceTarget, int source, int target) {}

  private record Synset(List<String> lemmas, List<Pointer> antonymPointers, long line) {}

  private WordNetAntonyms() {}

  /**
   * Every antonym pair of the database, each unordered pair once, sorted.
   *
   * @param dir the directory holding the four {@code data.*} files
   * @throws IllegalArgumentException if {@code dir} or one of the files is missing
   * @throws CorpusFormatException on a malformed synset line or a pointer to a synset that does not
   *     exist, naming the file and line
   */
  public static List<Pair> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("WordNet directory " + dir + " does not exist (Debian: apt-get install wordnet-base, which installs /usr/share/wordnet)");
    }
    Map<String, Map<Long, Synset>> byFile = new HashMap<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("WordNet file " + file + " is missing (expected " + String.join(", ", FILES) + " in " + dir + ")");
      }
      byFile.put(name, synsets(file));
    }
    TreeSet<Pair> pairs = new TreeSet<>(Comparator.comparing(Pair::first).thenComparing(Pair::second));
    for (String name : FILES) {
      Path file = dir.resolve(name);
      for (Synset s : byFile.get(name).values()) {
        for (Pointer p : s.antonymPointers()) {
          String targetFile = fileFor(p.pos());
          Synset t = targetFile == null ? null : byFile.get(targetFile).get(p.offset());
          if (t == null) {
            throw new CorpusFormatException(file, s.line(), "antonym pointer to synset " + p.offsetText() + " (pos " + p.pos() + "), which is not in " + (targetFile == null ? "any data file" : targetFile));
          }
          if (p.source() > s.lemmas().size()) {
            throw new CorpusFormatException(file, s.line(), "antonym pointer " + p.sourceTarget() + " names lemma " + p.source() + " of this synset, which has " + s.lemmas().size());
          }
          if (p.target() > t.lemmas().size()) {
            throw new CorpusFormatException(file, s.line(), "antonym pointer " + p.sourceTarget() + " names lemma " + p.target() + " of synset " + p.offsetText() + ", which has " + t.lemmas().size());
          }
          List<String> from = p.source() == 0 ? s.lemmas() : List.of(s.lemmas().get(p.source() - 1));
          List<String> to = p.target() == 0 ? t.lemmas() : List.of(t.lemmas().get(p.target() - 1));
          for (String a : from) {
            for (String b : to) {
              int c = a.compareTo(b);
              if (c != 0) {
                pairs.add(c < 0 ? new Pair(a, b) : new Pair(b, a));
              }
            }
          }
        }
      }
    }
    return List.copyOf(pairs);
  }

  private static String fileFor(String pos) {
    return switch (pos) {
      case "n" -> "data.noun";
      case "v" -> "data.verb";
      case "a", "s" -> "data.adj";
      case "r" -> "data.adv";
      default -> null;
    };
  }

  private static Map<Long, Synset> synsets(Path file) {
    Map<Long, Synset> out = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      long lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.startsWith("  ") || line.isBlank()) {
          continue;
        }
        int bar = line.indexOf('|');
        String[] f = (bar < 0 ? line : line.substring(0, bar)).trim().split(" +");
        try {
          long offset = Long.parseLong(f[0]);
          int count = Integer.parseInt(f[3], 16);
          List<String> lemmas = new ArrayList<>(count);
          for (int k = 0; k < count; k++) {
            String lemma = f[4 + 2 * k];
            int paren = lemma.indexOf('(');
            lemmas.add((paren > 0 ? lemma.substring(0, paren) : lemma).toLowerCase(Locale.ROOT));
          }
          int p = 4 + 2 * count;
          int pointers = Integer.parseInt(f[p]);
          List<Pointer> antonyms = new ArrayList<>();
          for (int k = 0; k < pointers; k++) {
            String symbol = f[p + 1 + 4 * k];
            String offsetText = f[p + 2 + 4 * k];
            String pos = f[p + 3 + 4 * k];
            String sourceTarget = f[p + 4 + 4 * k];
            if (!sourceTarget.matches("[0-9a-fA-F]{4}")) {
              throw new NumberFormatException("source/target field \"" + sourceTarget + "\" is not four hexadecimal digits");
            }
            long target = Long.parseLong(offsetText);
            int st = Integer.parseInt(sourceTarget, 16);
            if (symbol.equals("!")) {
              antonyms.add(new Pointer(offsetText, target, pos, sourceTarget, st >> 8, st & 0xff));
            }
          }
          if (count < 1 || out.put(offset, new Synset(List.copyOf(lemmas), List.copyOf(antonyms), lineNo)) != null) {
            throw new NumberFormatException(count < 1 ? "a synset without lemmas" : "synset offset " + offset + " appears twice");
          }
        } catch (NumberFormatException e) {
          throw new CorpusFormatException(file.toString(), lineNo, "not a WordNet synset line (offset lex_filenum ss_type w_cnt lemmas p_cnt pointers | gloss): " + e.getMessage(), e);
        } catch (ArrayIndexOutOfBoundsException e) {
          throw new CorpusFormatException(file.toString(), lineNo, "not a WordNet synset line (offset lex_filenum ss_type w_cnt lemmas p_cnt pointers | gloss): it ends after " + f.length + " fields, before the lemmas and pointers its counts announce", e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }
}
