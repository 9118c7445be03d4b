package org.seqlab.cli.sequence;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.sequence.NerTagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab ner tag --model M SENTENCE...}: space-tokenized sentences, one {@code token/TAG} line each. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Tags whitespace-tokenized sentences with a saved NER model.")
public final class TagNerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE") Path model;

  @Parameters(arity = "1..*", paramLabel = "SENTENCE") List<String> sentences;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(model)) {
      throw new NoSuchFileException(model.toString());
    }
    NerTagger m = NerTagger.load(model);
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
}
