package org.seqlab.cli.sequence;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab lm sample --model M --prompt TEXT}: seeded sampling with temperature, top-k and top-p. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = "Continues a prompt by sampling (seeded; --temperature 0 is greedy).")
public final class LmSampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE") Path model;

  @Option(names = "--prompt", defaultValue = "", description = "text to continue (character LM: a newline when empty)")
  String prompt;

  @Option(names = "--length", defaultValue = "300", description = "characters (character LM) or words (word LM) at most (default: ${DEFAULT-VALUE})")
  int length;

  @Option(names = "--count", defaultValue = "1", description = "samples (default: ${DEFAULT-VALUE})") int count;

  @Option(names = "--stop-at-newline", description = "character LM: end a sample at a newline") boolean stopAtNewline;

  @Option(names = "--seed", defaultValue = "1", description = "sampling seed (default: ${DEFAULT-VALUE})") long seed;

  @Mixin SamplingOptions sampling;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadedLm lm = LoadedLm.load(model);
    out.println("model       " + lm.describe());
    out.println("sampling    " + sampling.config().signature() + "  seed " + seed);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < count; k++) {
      if (lm.chars() != null) {
        String p = prompt.isEmpty() ? "\n" : prompt;
        out.println(prompt + lm.chars().sample(p, length, stopAtNewline ? '\n' : -1, sampling.config(), rng.nextLong()).stripTrailing());
      } else {
        String s = lm.words().sample(prompt, length, sampling.config(), rng.nextLong());
        out.println((prompt.isEmpty() ? "" : prompt + " ") + s);
      }
    }
    return 0;
  }
}
