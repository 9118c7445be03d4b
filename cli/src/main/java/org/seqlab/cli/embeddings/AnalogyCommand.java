package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings analogy --vectors v.bin man king woman}: "man is to king as woman is to ?". */
@Command(
    name = "analogy",
    mixinStandardHelpOptions = true,
    description = "Answers \"A is to B as C is to ?\" by 3CosAdd (default) or 3CosMul, never returning A, B or C.")
public final class AnalogyCommand implements Callable<Integer> {
  enum Method {
    cosadd,
    cosmul
  }

  @Spec CommandSpec spec;

  @Mixin VectorsOption vectors;

  @Parameters(index = "0", paramLabel = "A") String a;

  @Parameters(index = "1", paramLabel = "B") String b;

  @Parameters(index = "2", paramLabel = "C") String c;

  @Option(names = "-k", defaultValue = "5", description = "answers to show (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--method", defaultValue = "cosadd", description = "cosadd or cosmul (default: ${DEFAULT-VALUE})")
  Method method;

  @Option(names = "--restrict", defaultValue = "0", description = "only the N most frequent words (0: all; default: ${DEFAULT-VALUE})")
  int restrict;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (k < 1 || restrict < 0) {
      throw new IllegalArgumentException("-k must be >= 1 and --restrict >= 0, got " + k + " and " + restrict);
    }
    WordVectors v = vectors.load(out);
    Words.requireKnown(v, a, b, c);
    WordVectors space = restrict > 0 ? v.restrictTo(restrict) : v;
    Words.requireKnown(space, a, b, c);
    AnalogyMethod m = method == Method.cosadd ? AnalogyMethod.COS_ADD : AnalogyMethod.COS_MUL;
    out.printf(Locale.ROOT, "method      %s over %d words%n", method == Method.cosadd ? "3CosAdd" : "3CosMul", space.size());
    out.printf(Locale.ROOT, "%n%s : %s :: %s : ?%n", a, b, c);
    List<Neighbor> answers = space.analogy(a, b, c, k, m);
    NearestCommand.print(out, answers);
    out.flush();
    return 0;
  }
}
