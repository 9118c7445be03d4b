package org.seqlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code seqlab} command-line workbench. */
@Command(
    name = "seqlab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "NLP and sequence modelling workbench on ND4J.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      DoctorCommand.class,
      BleuCommand.class,
      org.seqlab.cli.embeddings.EmbeddingsCommand.class,
      org.seqlab.cli.serve.ServeCommand.class,
      org.seqlab.cli.translate.TranslateCommand.class,
      org.seqlab.cli.translate.DatesCommand.class,
      org.seqlab.cli.speech.SpeechCommand.class,
      org.seqlab.cli.speech.TriggerCommand.class,
      org.seqlab.cli.sequence.LmCommand.class,
      org.seqlab.cli.sequence.SentimentCommand.class,
      org.seqlab.cli.sequence.NerCommand.class,
      org.seqlab.cli.caption.CaptionCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage or input error). */
  public static int run(String... args) {
    return Cli.newCommandLine(new Main()).execute(args);
  }

  /** Runs the command line with the given output and error writers (for embedding and tests). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = Cli.newCommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
