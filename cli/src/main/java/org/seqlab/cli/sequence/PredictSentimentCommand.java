package org.seqlab.cli.sequence;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.examples.TextTokens;
import org.seqlab.examples.sentiment.SentimentExample;
import org.seqlab.sequence.ClassifierEnsemble;
import org.seqlab.sequence.SequenceClassifier;
import org.seqlab.sequence.TokenTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code seqlab sentiment predict --model M[,M2...] TEXT...}: the label and its probability per
 * sentence; several models (an ensemble) average their probabilities.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Classifies sentences with a saved classifier, or with several decoded together (--model a,b,c averages their probabilities).")
public final class PredictSentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, split = ",", paramLabel = "FILE",
      description = "one classifier file, or several separated by commas (an ensemble; same labels)")
  List<Path> models;

  @Parameters(arity = "1..*", paramLabel = "SENTENCE") List<String> sentences;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<double[][]> probs = new ArrayList<>();
    TokenTable labels = null;
    for (Path model : models) {
      if (!Files.exists(model)) {
        throw new NoSuchFileException(model.toString());
      }
      SequenceClassifier.Saved s = SequenceClassifier.load(model);
      String tok = s.metadata().getOrDefault("text.tokenizer", "");
      if (!tok.equals(TextTokens.SIGNATURE)) {
        throw new IllegalArgumentException(model + ": text.tokenizer '" + tok + "' is not '" + TextTokens.SIGNATURE + "', which this command applies");
      }
      if (labels == null) {
        labels = s.labels();
      } else if (!labels.tokens().equals(s.labels().tokens())) {
        throw new IllegalArgumentException(model + ": labels " + s.labels().tokens() + " differ from those of " + models.get(0)
            + " " + labels.tokens() + "; an ensemble needs one label set");
      }
      out.println("model       " + s.model().config().signature() + (models.size() > 1 ? "  " + model : ""));
      probs.add(s.model().probabilities(sentences.stream().map(x -> SentimentExample.ids(x, s.words())).toList()));
    }
    double[][] p = ClassifierEnsemble.average(probs);
    int[] best = ClassifierEnsemble.argmax(p);
    for (int i = 0; i < p.length; i++) {
      out.printf(Locale.ROOT, "%-16s %.3f  %s%n", labels.token(best[i]), p[i][best[i]], sentences.get(i));
    }
    return 0;
  }
}
