package org.seqlab.cli.sequence;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.examples.ner.ConllNerExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab ner eval --model M[,M...]}: span F1 of saved taggers on eng.testa and eng.testb. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Scores saved NER models on eng.testa (dev) and eng.testb (test), span F1 by conlleval rules with per-type "
            + "scores; several models are decoded together (Viterbi under the sum of their CRF scores).")
public final class EvalNerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, split = ",", paramLabel = "FILE",
      description = "a model saved by 'ner train'; several (comma-separated or repeated) are decoded as an ensemble")
  List<Path> models;

  @Option(names = "--ner-dir", paramLabel = "DIR", description = "folder with eng.testa and eng.testb (default: DATA/ner)")
  Path nerDir;

  @Override
  public Integer call() throws Exception {
    spec.commandLine().getOut().println("files       " + models);
    ConllNerExample.evaluate(TagNerCommand.load(models), nerDir != null ? nerDir : DataDir.resolve().resolve("ner"),
        spec.commandLine().getOut());
    return 0;
  }
}
