package org.seqlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;
import org.seqlab.metrics.BleuScore;
import org.seqlab.metrics.BleuTokenizer;
import org.seqlab.metrics.SmoothMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab bleu REF [REF...] < HYP}: corpus BLEU exactly as sacreBLEU 2.x computes it. */
@Command(
    name = "bleu",
    mixinStandardHelpOptions = true,
    description =
        "Corpus BLEU of the hypotheses on standard input (or --input) against one or more reference files, "
            + "computed exactly as sacreBLEU " + BleuConfig.SACREBLEU_VERSION + " does. Files are UTF-8, one segment per line.")
public final class BleuCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "REF", description = "reference file(s), line-aligned with the hypotheses")
  List<Path> refs;

  @Option(names = {"-i", "--input"}, paramLabel = "HYP", description = "hypothesis file (default: standard input)")
  Path input;

  @Option(names = {"-tok", "--tokenize"}, defaultValue = "13a", description = "13a, intl, char or none (default: ${DEFAULT-VALUE})")
  String tokenize;

  @Option(names = {"-s", "--smooth"}, defaultValue = "exp", description = "exp, floor, add-k or none (default: ${DEFAULT-VALUE})")
  String smooth;

  @Option(names = "--smooth-value", description = "value for floor (default 0.1) and add-k (default 1)")
  Double smoothValue;

  @Option(names = {"-lc", "--lowercase"}, description = "case-insensitive BLEU")
  boolean lowercase;

  @Option(names = {"-e", "--effective-order"}, description = "stop at the highest n-gram order with matches (sentence BLEU)")
  boolean effectiveOrder;

  @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = {"-w", "--width"}, defaultValue = "1", description = "decimals of the score in text output (default: ${DEFAULT-VALUE})")
  int width;

  @Override
  public Integer call() throws IOException {
    SmoothMethod method = SmoothMethod.fromName(smooth);
    BleuConfig config =
        BleuConfig.corpusDefaults()
            .withTokenizer(BleuTokenizer.fromName(tokenize))
            .withLowercase(lowercase)
            .withSmooth(method, smoothValue == null ? Double.NaN : smoothValue)
            .withEffectiveOrder(effectiveOrder);
    List<String> hyps =
        input == null ? TextFiles.readLines(System.in, "standard input") : TextFiles.readLines(input);
    String hypName = input == null ? "standard input" : input.toString();
    List<List<String>> refStreams = new ArrayList<>();
    for (Path ref : refs) {
      List<String> lines = TextFiles.readLines(ref);
      if (lines.size() != hyps.size()) {
        throw new IllegalArgumentException(
            "line counts differ: " + hypName + " has " + hyps.size() + " lines but " + ref + " has " + lines.size());
      }
      refStreams.add(lines);
    }
    if (hyps.isEmpty()) {
      throw new IllegalArgumentException(hypName + " is empty: there is nothing to score");
    }
    BleuScore score = new Bleu(config).corpusScore(hyps, refStreams);
    PrintWriter out = spec.commandLine().getOut();
    out.println(format == Format.json ? json(score) : score.format(width));
    out.flush();
    return 0;
  }

  /** The score as sacreBLEU's JSON fields (also the body of the HTTP API's {@code POST /bleu}). */
  public static String json(BleuScore s) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("name", "BLEU");
    o.put("score", s.score());
    ArrayNode counts = o.putArray("counts");
    ArrayNode totals = o.putArray("totals");
    ArrayNode precisions = o.putArray("precisions");
    for (int i = 0; i < s.counts().length; i++) {
      putNumber(counts, s.counts()[i]);
      putNumber(totals, s.totals()[i]);
      precisions.add(s.precisions()[i]);
    }
    o.put("bp", s.bp());
    o.put("sys_len", s.sysLen());
    o.put("ref_len", s.refLen());
    o.put("signature", s.signature());
    return o.toString();
  }

  private static void putNumber(ArrayNode a, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      a.add((long) v);
    } else {
      a.add(v);
    }
  }
}
