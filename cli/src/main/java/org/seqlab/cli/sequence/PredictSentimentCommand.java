package org.seqlab.cli.sequence;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.examples.TextTokens;
import org.seqlab.sequence.SequenceClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab sentiment predict --model M TEXT...}: the label and its probability per sentence. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Classifies sentences with a saved classifier.")
public final class PredictSentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE") Path model;

  @Parameters(arity = "1..*", paramLabel = "SENTENCE") List<String> sentences;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(model)) {
      throw new NoSuchFileException(model.toString());
    }
    SequenceClassifier.Saved s = SequenceClassifier.load(model);
    String tok = s.metadata().getOrDefault("text.tokenizer", "");
    if (!tok.equals(TextTokens.SIGNATURE)) {
      throw new IllegalArgumentException(model + ": text.tokenizer '" + tok + "' is not '" + TextTokens.SIGNATURE + "', which this command applies");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("model       " + s.model().config().signature());
    List<int[]> ids = sentences.stream().map(x -> {
      List<String> w = TextTokens.words(x);
      return w.isEmpty() ? new int[] {s.words().unknownId()} : s.words().encode(w);
    }).toList();
    double[][] p = s.model().probabilities(ids);
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        best = p[i][c] > p[i][best] ? c : best;
      }
      out.printf(Locale.ROOT, "%-16s %.3f  %s%n", s.labels().token(best), p[i][best], sentences.get(i));
    }
    return 0;
  }
}
