package org.seqlab.cli.translate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.examples.translate.EngFraTranslation;
import org.seqlab.examples.translate.Multi30kTranslation;
import org.seqlab.examples.translate.TranslationExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The reference translation experiments, with their documented settings ($SEQLAB_DATA or ../shared/data). */
final class TranslateExperimentCommand {
  private TranslateExperimentCommand() {}

  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (model, checkpoint, outputs)")
    Path out;

    @Option(names = "--minutes", description = "stop training after this many minutes; rerun to resume")
    Long minutes;

    @Option(names = "--epochs", description = "override the number of epochs")
    Integer epochs;

    @Option(names = "--seed", description = "override the seed")
    Long seed;

    @Option(names = "--train-only", description = "train (or resume) without the test-set evaluation")
    boolean trainOnly;

    @Option(names = "--init-from", paramLabel = "DIR",
        description = "start from the parameters of a saved model directory (same settings and data) with a fresh "
            + "optimizer and schedule: to train on past a finished run; use a new --out")
    Path initFrom;

    @Option(names = "--lr", description = "override the peak learning rate (the cosine decay still ends at the settings' minimum)")
    Double lr;

    @Option(names = "--warmup", description = "override the warm-up steps")
    Integer warmup;

    TranslationExperiment.Options options(TranslationExperiment.Options o) {
      if (epochs != null) {
        o = o.withTraining(o.training().withEpochs(epochs));
      }
      if (lr != null) {
        o = o.withTraining(o.training().withLearningRate(lr, Math.min(lr, o.training().minLearningRate())));
      }
      if (warmup != null) {
        o = o.withTraining(o.training().withWarmupSteps(warmup));
      }
      if (seed != null) {
        o = o.withSeed(seed);
      }
      if (initFrom != null) {
        o = o.withInitFrom(initFrom);
      }
      if (minutes != null) {
        o = o.withTimeLimit(Duration.ofMinutes(minutes));
      }
      return o.withTrainOnly(trainOnly);
    }

    void report(String name, TranslationExperiment.Options o, TranslationExperiment.Result r) {
      PrintWriter w = spec.commandLine().getOut();
      w.printf(Locale.ROOT, "%s: %d/%d steps, training time %.0f s, validation %.4f nats/token%n", name, r.steps(),
          r.totalSteps(), r.trainSeconds(), r.validationNats());
      if (r.greedy() != null) {
        w.println("greedy          " + r.greedy().format(2));
        w.println("beam " + o.beam() + " alpha " + o.alpha() + "  " + r.beam().format(2));
        w.println("beam errors: " + r.errors().format());
      }
      w.println("model: " + r.modelDir());
      w.flush();
    }
  }

  @Command(name = "multi30k", mixinStandardHelpOptions = true,
      description = "German->English on Multi30K (test2016 BLEU, greedy and beam) with the documented settings.")
  static final class Multi30kCommand extends Base {
    @Override
    public Integer call() throws IOException {
      TranslationExperiment.Options o = options(Multi30kTranslation.defaults(out));
      spec.commandLine().getOut().println("settings: " + o.signature());
      spec.commandLine().getOut().flush();
      report("multi30k de-en test2016", o, Multi30kTranslation.run(DataDir.resolve().resolve("multi30k"), o));
      return 0;
    }
  }

  @Command(name = "eng-fra", mixinStandardHelpOptions = true,
      description = "French->English on the Tatoeba pairs (PyTorch tutorial filter, seeded 90/5/5 split).")
  static final class EngFraCommand extends Base {
    @Override
    public Integer call() throws IOException {
      TranslationExperiment.Options o = options(EngFraTranslation.defaults(out));
      spec.commandLine().getOut().println("settings: " + o.signature());
      spec.commandLine().getOut().flush();
      report("eng-fra fr-en", o, EngFraTranslation.run(DataDir.resolve().resolve("eng-fra").resolve("fra.txt"), o));
      return 0;
    }
  }
}
