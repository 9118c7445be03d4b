package org.seqlab.cli.speech;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.corpora.audio.Wav;
import org.seqlab.examples.speech.TriggerDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlab trigger detect --model M FILE.wav...}: prints the times at which the trigger word ends. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = "Detects the trigger word in 8 kHz mono PCM WAV files: one line per file, FILE<TAB>COUNT<TAB>times in seconds.")
public final class DetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--model", "-m"}, required = true, paramLabel = "FILE", description = "a model written by 'seqlab trigger train'")
  Path model;

  @Option(names = "--threshold", defaultValue = "0.5", description = "peak threshold on P(trigger) (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--refractory", defaultValue = "0.5", description = "seconds between detections at least (default: ${DEFAULT-VALUE})")
  double refractory;

  @Parameters(arity = "1..*", paramLabel = "FILE.wav", description = "recordings to scan")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    TriggerDetector d = TriggerDetector.load(model);
    PrintWriter o = spec.commandLine().getOut();
    for (Path f : files) {
      double[] t = d.detect(Wav.read(f), threshold, refractory);
      StringBuilder sb = new StringBuilder().append(f).append('\t').append(t.length);
      for (double v : t) {
        sb.append('\t').append(String.format(Locale.ROOT, "%.2f", v));
      }
      o.println(sb);
    }
    o.flush();
    return 0;
  }
}
