package org.seqlab.examples.translate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.seqlab.attention.Translator;

/** The README's Java API example: load a saved model and translate with greedy and beam search. */
public final class TranslatorExample {
  private TranslatorExample() {}

  /** Returns, per sentence, its greedy translation and its beam translation. */
  public static List<List<String>> run(Path modelDir, List<String> sentences) throws IOException {
    Translator translator = Translator.load(modelDir); // immutable and thread-safe: share one instance
    List<Translator.Translation> greedy = translator.translate(sentences, Translator.Options.greedy());
    List<Translator.Translation> beam = translator.translate(sentences, Translator.Options.beam(5, 0.7));
    return java.util.stream.IntStream.range(0, sentences.size())
        .mapToObj(i -> List.of(greedy.get(i).text(), beam.get(i).text()))
        .toList();
  }

  /** {@code TranslatorExample MODEL_DIR SENTENCE...}. */
  public static void main(String[] args) throws IOException {
    List<String> sentences = Arrays.asList(args).subList(1, args.length);
    List<List<String>> out = run(Path.of(args[0]), sentences);
    for (int i = 0; i < sentences.size(); i++) {
      System.out.println(sentences.get(i) + "\n  greedy: " + out.get(i).get(0) + "\n  beam:   " + out.get(i).get(1));
    }
  }
}
