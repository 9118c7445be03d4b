package org.seqlab.cli.translate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.attention.Seq2SeqModel;
import org.seqlab.attention.Translator;
import org.seqlab.cli.TextFiles;
import org.seqlab.decoding.BeamErrorAnalysis;
import org.seqlab.decoding.LengthPenalty;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;
import org.seqlab.metrics.BleuScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlab translate eval --model M --source S --reference R}: BLEU of greedy and beam
 * translations and the beam's search/model error analysis.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Translates --source with greedy and beam search and prints sacreBLEU-exact corpus BLEU "
            + "(13a, mixed case) against the raw --reference, and which beam errors are search errors "
            + "(log P(ref) > log P(output)).")
public final class TranslateEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR", description = "model directory")
  Path model;

  @Option(names = "--source", required = true, paramLabel = "FILE", description = "source sentences")
  Path source;

  @Option(names = "--reference", required = true, paramLabel = "FILE", description = "reference translations, line-aligned")
  Path reference;

  @Option(names = {"-b", "--beam"}, defaultValue = "5", description = "beam width (default: ${DEFAULT-VALUE})")
  int beam;

  @Option(names = {"-a", "--alpha"}, defaultValue = "0.7", description = "length normalisation exponent (default: ${DEFAULT-VALUE})")
  double alpha;

  @Override
  public Integer call() throws IOException {
    List<String> src = TextFiles.readLines(source);
    List<String> refs = TextFiles.readLines(reference);
    if (src.size() != refs.size() || src.isEmpty()) {
      throw new IllegalArgumentException("need equal, non-zero line counts: " + source + " has " + src.size() + ", "
          + reference + " has " + refs.size());
    }
    Seq2SeqModel m = Seq2SeqModel.load(model);
    Translator t = new Translator(m);
    Bleu bleu = new Bleu(BleuConfig.corpusDefaults());
    PrintWriter out = spec.commandLine().getOut();
    out.println("model: " + m);
    List<Translator.Translation> greedy = t.translate(src, Translator.Options.greedy());
    BleuScore g = bleu.corpusScore(greedy.stream().map(Translator.Translation::text).toList(), List.of(refs));
    out.println("greedy          " + g.format(2));
    List<Translator.Translation> bt = t.translate(src, Translator.Options.beam(beam, alpha));
    BleuScore b = bleu.corpusScore(bt.stream().map(Translator.Translation::text).toList(), List.of(refs));
    out.println("beam " + beam + " alpha " + alpha + "  " + b.format(2));
    List<BeamErrorAnalysis.Case> cases = new ArrayList<>();
    for (int from = 0; from < src.size(); from += 64) {
      int to = Math.min(src.size(), from + 64);
      List<int[]> s = new ArrayList<>();
      List<int[]> r = new ArrayList<>();
      List<int[]> o = new ArrayList<>();
      for (int i = from; i < to; i++) {
        s.add(m.encodeSource(src.get(i)));
        r.add(m.encodeTarget(refs.get(i)));
        o.add(m.targetVocabulary().encode(bt.get(i).tokens()));
      }
      cases.addAll(BeamErrorAnalysis.analyze(m.forDecoding(), m.encode(s), r, o, new LengthPenalty(alpha)).cases());
    }
    out.println("beam errors: " + new BeamErrorAnalysis.Report(cases, new LengthPenalty(alpha)).format());
    out.flush();
    return 0;
  }
}
