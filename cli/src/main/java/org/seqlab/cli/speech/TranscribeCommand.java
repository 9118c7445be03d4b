package org.seqlab.cli.speech;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.corpora.audio.Wav;
import org.seqlab.examples.speech.DigitRecognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlab speech transcribe --model M FILE.wav...}: prints the digits heard in each file. */
@Command(
    name = "transcribe",
    mixinStandardHelpOptions = true,
    description = "Transcribes 8 kHz mono PCM WAV files with a model from 'speech train': one line per file, FILE<TAB>DIGITS.")
public final class TranscribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--model", "-m"}, required = true, paramLabel = "FILE", description = "a model written by 'seqlab speech train'")
  Path model;

  @Option(names = "--beam", defaultValue = "0", description = "prefix beam width; 0 = best path (default: ${DEFAULT-VALUE})")
  int beam;

  @Parameters(arity = "1..*", paramLabel = "FILE.wav", description = "recordings to transcribe")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    if (beam < 0) {
      throw new IllegalArgumentException("--beam must be >= 0, got " + beam);
    }
    DigitRecognizer r = DigitRecognizer.load(model);
    PrintWriter o = spec.commandLine().getOut();
    for (Path f : files) {
      var audio = Wav.read(f);
      o.println(f + "\t" + (beam == 0 ? r.transcribe(audio) : r.transcribe(audio, beam)));
    }
    o.flush();
    return 0;
  }
}
