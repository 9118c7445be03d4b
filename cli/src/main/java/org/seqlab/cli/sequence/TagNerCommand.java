package org.seqlab.cli.sequence;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.sequence.NerEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code seqlab ner tag --model M[,M...] SENTENCE...}: space-tokenized sentences, one
 * {@code token/TAG} line each; several models are decoded together ({@link NerEnsemble}).
 */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Tags whitespace-tokenized sentences with a saved NER model (or several, decoded together).")
public final class TagNerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, split = ",", paramLabel = "FILE",
      description = "a model saved by 'ner train'; several (comma-separated or repeated) are decoded as an ensemble")
  List<Path> models;

  @Parameters(arity = "1..*", paramLabel = "SENTENCE") List<String> sentences;

  @Override
  public Integer call() throws Exception {
    NerEnsemble m = load(models);
    PrintWriter out = spec.commandLine().getOut();
    for (String s : sentences) {
      List<String> toks = Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
      if (toks.isEmpty()) {
        throw new IllegalArgumentException("sentence is empty");
      }
      List<String> tags = m.tag(toks);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < toks.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(toks.get(i)).append('/').append(tags.get(i));
      }
      out.println(sb);
    }
    return 0;
  }

  /** Loads the models, naming a missing file. */
  static NerEnsemble load(List<Path> models) throws Exception {
    for (Path f : models) {
      if (!Files.exists(f)) {
        throw new NoSuchFileException(f.toString());
      }
    }
    return NerEnsemble.load(models);
  }
}
