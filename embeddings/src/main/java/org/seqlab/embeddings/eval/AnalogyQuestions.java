package org.seqlab.embeddings.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.TextSource;

/**
 * An analogy test set in the format of word2vec's {@code questions-words.txt}: section headers
 * {@code ": name"} followed by questions {@code "A B C D"} ("A is to B as C is to D"), one per line.
 * As in gensim, a line that does not split into exactly four words is skipped and counted, and a
 * question before the first header is an error.
 *
 * @param sections the sections in file order
 * @param invalidLines lines that were neither a header nor a four-word question
 */
public record AnalogyQuestions(List<Section> sections, int invalidLines) {
  /** One question, words as written in the file. */
  public record Question(String a, String b, String c, String expected) {}

  /**
   * A named section.
   *
   * @param name the header without its {@code ": "} prefix
   * @param questions the questions in file order
   */
  public record Section(String name, List<Question> questions) {
    public Section {
      questions = List.copyOf(questions);
    }

    /**
     * True for the semantic sections of the Google set; syntactic sections are named {@code gram*}.
     * On {@code questions-words.txt} this is exactly "the first five sections", as gensim and the
     * word2vec {@code compute-accuracy} tool report.
     */
    public boolean semantic() {
      return !name.startsWith("gram");
    }
  }

  public AnalogyQuestions {
    sections = List.copyOf(sections);
  }

  /** The total number of questions. */
  public int size() {
    return sections.stream().mapToInt(s -> s.questions().size()).sum();
  }

  /**
   * Reads a questions file (UTF-8).
   *
   * @throws CorpusFormatException naming the path and line for invalid UTF-8, or a question before
   *     the first section header
   */
  public static AnalogyQuestions read(Path path) throws IOException {
    TextSource source = TextSource.of(path);
    List<Section> sections = new ArrayList<>();
    String name = null;
    List<Question> questions = new ArrayList<>();
    int invalid = 0;
    try (BufferedReader r = source.openReader()) {
      String line;
      long lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.startsWith(": ")) {
          if (name != null) {
            sections.add(new Section(name, questions));
          }
          name = line.substring(2).strip();
          questions = new ArrayList<>();
          continue;
        }
        if (name == null) {
          throw new CorpusFormatException(
              source.toString(), lineNo, "expected a section header ': name' before the first question, got '" + line + "'");
        }
        String[] w = line.strip().split("\\s+");
        if (w.length != 4) {
          invalid++;
          continue;
        }
        questions.add(new Question(w[0], w[1], w[2], w[3]));
      }
    }
    if (name != null) {
      sections.add(new Section(name, questions));
    }
    return new AnalogyQuestions(Collections.unmodifiableList(sections), invalid);
  }
}
