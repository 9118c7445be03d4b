package org.seqlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.corpora.Specials;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.corpora.VocabularyBuilder;
import org.seqlab.corpora.VocabularyConfig;
import org.seqlab.corpora.tokenize.TokenizerKind;
import org.seqlab.corpora.Tokenizer;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;
import org.seqlab.metrics.BleuScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlab demo}: an end-to-end tour on bundled and generated data that needs no downloads:
 * tokenisation with four tokenisers, a vocabulary, BLEU, the autodiff core, skip-gram vectors of a
 * corpus with planted topics, and an attention encoder-decoder normalising dates with beam search.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs a short end-to-end tour of seqlab on bundled and generated data (no datasets needed; about a minute).")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", defaultValue = "7", description = "seed for the trained parts (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> text = resource("text.txt");
    out.println("== 1. Tokenisation (" + text.size() + " bundled sentences)");
    String sample = text.get(10);
    out.println("   input      : " + sample);
    for (TokenizerKind kind : TokenizerKind.values()) {
      Tokenizer t = kind.create();
      List<String> toks = t.tokenize(sample);
      String shown = kind == TokenizerKind.CHARACTER ? String.join("", toks.subList(0, Math.min(24, toks.size()))) + "..." : String.join(" | ", toks);
      out.printf("   %-10s : %d tokens: %s%n", kind.name().toLowerCase(java.util.Locale.ROOT), toks.size(), shown);
    }
    out.println();
    out.println("== 2. Vocabulary (CoreNLP tokens, lower-cased, with <pad> <unk> <bos> <eos>)");
    Tokenizer corenlp = TokenizerKind.CORENLP.create();
    List<List<String>> sentences = new ArrayList<>();
    for (String line : text) {
      sentences.add(corenlp.tokenize(line.toLowerCase(java.util.Locale.ROOT)));
    }
    Vocabulary vocab = VocabularyBuilder.fromSentences(sentences, VocabularyConfig.defaults().withSpecials(Specials.STANDARD));
    out.printf("   %d types from %d tokens; most frequent: %s%n", vocab.size(), vocab.totalCount(), vocab.tokens().subList(vocab.firstRegularId(), Math.min(vocab.size(), vocab.firstRegularId() + 10)));
    int[] ids = vocab.encodeWithBoundaries(sentences.get(0));
    out.println("   sentence 1 as ids: " + java.util.Arrays.toString(ids));
    out.println("   decoded back     : " + String.join(" ", vocab.decode(ids)));
    out.println();
    out.println("== 3. BLEU (sacreBLEU " + BleuConfig.SACREBLEU_VERSION + "-exact) of 5 bundled system outputs");
    List<String> hyp = resource("hyp.txt");
    List<String> ref = resource("ref.txt");
    BleuScore corpus = new Bleu(BleuConfig.corpusDefaults()).corpusScore(hyp, List.of(ref));
    out.println("   corpus  : " + corpus.format(1));
    Bleu sentenceBleu = new Bleu(BleuConfig.sentenceDefaults());
    for (int i = 0; i < 2; i++) {
      out.printf("   sentence %d: %5.1f  %s%n", i + 1, sentenceBleu.sentenceScore(hyp.get(i), List.of(ref.get(i))).score(), hyp.get(i));
    }
    out.println();
    DemoModels.run(out, seed);
    out.println();
    out.flush();
    DemoPipelines.embeddings(out, seed);
    out.println();
    out.flush();
    DemoPipelines.dates(out, seed);
    out.flush();
    return 0;
  }

  static List<String> resource(String name) {
    try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled demo file " + name + " is missing from the jar");
      }
      return TextFiles.readLines(in, "demo/" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
