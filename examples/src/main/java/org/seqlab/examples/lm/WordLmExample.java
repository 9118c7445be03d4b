package org.seqlab.examples.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.seqlab.corpora.TextSource;
import org.seqlab.corpora.datasets.TinyShakespeare;
import org.seqlab.corpora.tokenize.TokenizerKind;
import org.seqlab.decoding.SamplerConfig;
import org.seqlab.examples.Datasets;
import org.seqlab.sequence.CharLmConfig;
import org.seqlab.sequence.WordLanguageModel;
import org.seqlab.sequence.WordLmConfig;
import org.seqlab.sequence.WordLmTrainer;

/**
 * Word-level language model on tinyshakespeare's lines (its 90/10 character split, cut at line
 * boundaries), a slice of text8 (the first {@code text8Words} words for training, the next tenth of
 * that for validation) or any UTF-8 text file of lines (last 10% of the lines for validation).
 * Reports validation perplexity, scores a few sentences, samples from a seed text and saves the
 * model.
 */
public final class WordLmExample {
  private WordLmExample() {}

  /**
   * @param data {@code tinyshakespeare}, {@code text8} or the path of a UTF-8 text file
   * @param text8Words training words taken from text8
   * @param prompt seed text for the samples
   * @param probes sentences to score
   */
  public record Options(
      String data, Path dataDir, WordLmConfig config, long seed, Path out, Path checkpoint, SamplerConfig sampling,
      int samples, String prompt, List<String> probes, int text8Words, PrintWriter log) {
    public Options {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(sampling, "sampling");
      Objects.requireNonNull(log, "log");
      prompt = prompt == null ? "" : prompt;
      probes = probes == null ? List.of() : List.copyOf(probes);
    }
  }

  /**
   * @param validationNats nats per validation token (words and line ends)
   * @param trainLines training lines
   * @param samples generated continuations of the prompt
   */
  public record Result(
      WordLanguageModel model, double validationNats, int trainLines, int validationLines, double trainSeconds,
      List<String> samples) {
    public double perplexity() {
      return Math.exp(validationNats);
    }
  }

  record Lines(List<String> train, List<String> validation) {}

  static Lines load(Options o) throws IOException {
    switch (o.data()) {
      case "tinyshakespeare" -> {
        TinyShakespeare ts = TinyShakespeare.load(Datasets.require(o.dataDir(), "tinyshakespeare/input.txt", o.data()));
        return new Lines(Arrays.asList(ts.train().split("\n")), Arrays.asList(ts.validation().split("\n")));
      }
      case "text8" -> {
        Path zip = Datasets.require(o.dataDir(), "text8/text8.zip", o.data());
        String[] words = readText8(zip, o.text8Words() + o.text8Words() / 10);
        int n = Math.min(o.text8Words(), words.length * 10 / 11);
        return new Lines(List.of(String.join(" ", Arrays.copyOfRange(words, 0, n))),
            List.of(String.join(" ", Arrays.copyOfRange(words, n, words.length))));
      }
      default -> {
        List<String> lines = Datasets.readLines(Path.of(o.data()));
        int cut = (int) (lines.size() * 0.9);
        if (cut < 1 || cut == lines.size()) {
          throw new IllegalArgumentException("text file " + o.data() + " needs at least 2 lines to split 90/10, got " + lines.size());
        }
        return new Lines(lines.subList(0, cut), lines.subList(cut, lines.size()));
      }
    }
  }

  /** The first {@code n} words of text8 (a single line of space-separated words). */
  static String[] readText8(Path zip, int n) throws IOException {
    List<String> out = new ArrayList<>(n);
    try (InputStream in = TextSource.zipEntry(zip, "text8").openStream()) {
      StringBuilder w = new StringBuilder();
      int c;
      while (out.size() < n && (c = in.read()) >= 0) {
        if (c == ' ' || c == '\n') {
          if (w.length() > 0) {
            out.add(w.toString());
            w.setLength(0);
          }
        } else {
          w.append((char) c);
        }
      }
    }
    return out.toArray(new String[0]);
  }

  public static Result run(Options o) throws IOException {
    Lines lines = load(o);
    PrintWriter log = o.log();
    log.printf(Locale.ROOT, "data        %s: %,d train / %,d validation lines%n", o.data(), lines.train().size(), lines.validation().size());
    log.printf(Locale.ROOT, "config      %s%n", o.config().signature());
    log.printf(Locale.ROOT, "seed        %d%n", o.seed());
    WordLmTrainer trainer = new WordLmTrainer(o.config()).withProgress(50, p -> {
      log.println("progress    " + p.format());
      log.flush();
    });
    if (o.checkpoint() != null) {
      trainer = trainer.withCheckpoint(o.checkpoint(), 25);
      log.println("checkpoint  " + o.checkpoint() + " (every 25 steps; rerun the same command to resume)");
    }
    long t0 = System.nanoTime();
    WordLanguageModel m = trainer.train(lines.train(), lines.validation(), o.seed());
    double secs = (System.nanoTime() - t0) / 1e9;
    double nats = Double.parseDouble(m.provenance().get("run.validation.nats"));
    log.printf(Locale.ROOT, "vocabulary  %,d words (specials included)%n", m.vocabulary().size());
    log.printf(Locale.ROOT, "validation  %.4f nats/token  perplexity %.2f%n", nats, Math.exp(nats));
    log.printf(Locale.ROOT, "trained in  %s%n", Datasets.duration(secs));
    if (o.out() != null) {
      m.save(o.out());
      log.println("saved       " + o.out());
    }
    for (String p : o.probes()) {
      WordLanguageModel.SentenceScore s = m.score(p);
      log.printf(Locale.ROOT, "score       %.2f nats  ppl %.1f  (%d tokens, %d unknown)  %s%n",
          s.logProbability(), s.perplexity(), s.tokens(), s.unknownWords(), p);
    }
    List<String> samples = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(o.seed());
    log.println("sampling    " + o.sampling().signature() + " from '" + o.prompt() + "'");
    for (int k = 0; k < o.samples(); k++) {
      String s = m.sample(o.prompt(), 40, o.sampling(), rng.nextLong());
      samples.add(s);
      log.println("sample      " + o.prompt() + " | " + s);
    }
    log.flush();
    return new Result(m, nats, lines.train().size(), lines.validation().size(), secs, List.copyOf(samples));
  }

  /** The tinyshakespeare word-LM settings (see README). */
  public static WordLmConfig shakespeareConfig() {
    CharLmConfig net = CharLmConfig.builder().embedDim(128).hiddenSize(256).layers(1).dropout(0.3).batchSize(32)
        .bpttLength(35).learningRate(2e-3).minLearningRate(1e-4).clipNorm(5).steps(800).evalEvery(200).evalChars(20_000).build();
    return new WordLmConfig(net, TokenizerKind.CORENLP, true, 2, 10_000);
  }

  /** {@code main [tinyshakespeare|text8|FILE] [steps]}. */
  public static void main(String[] args) throws IOException {
    String data = args.length > 0 ? args[0] : "tinyshakespeare";
    WordLmConfig cfg = shakespeareConfig();
    if (args.length > 1) {
      cfg = cfg.withNetwork(cfg.network().withSteps(Integer.parseInt(args[1])));
    }
    PrintWriter log = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    run(new Options(data, Datasets.defaultDir(), cfg, 1, null, null, SamplerConfig.ancestral().withTemperature(0.8).withTopK(40),
        3, "", List.of("I love thee .", "thee love I ."), 1_000_000, log));
  }
}
