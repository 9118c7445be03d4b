package org.seqlab.metrics.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.seqlab.metrics.Bleu;
import org.seqlab.metrics.BleuConfig;
import org.seqlab.metrics.BleuScore;

/**
 * Times corpus BLEU (sacreBLEU defaults: 13a, exp smoothing, one reference) and writes {@code
 * bench/results/bleu.json}. Run from the repository root after {@code mvn -pl metrics
 * test-compile}:
 *
 * <pre>
 * java -cp metrics/target/classes:metrics/target/test-classes org.seqlab.metrics.bench.BleuBenchmark \
 *     [--sentences 100000] [--seed 1] [--runs 7] [--warmup 3] [--hyp FILE --ref FILE] [--out bench/results/bleu.json]
 * </pre>
 *
 * Without {@code --hyp/--ref} it generates {@code --sentences} seeded pairs (5-40 tokens from a
 * 2,000-word vocabulary plus punctuation; the hypothesis drops, replaces and inserts words). {@code
 * bench/bleu/compare_sacrebleu.py bench} runs it on the files it times sacreBLEU on. The reported
 * speed is sentences / median wall time of {@code --runs} timed runs after {@code --warmup} runs;
 * one thread.
 */
public final class BleuBenchmark {
  private BleuBenchmark() {}

  /** Command-line options; see the class comment. */
  record Options(int sentences, long seed, int runs, int warmup, Path hyp, Path ref, Path out) {
    Options {
      if (runs < 1 || warmup < 0 || sentences < 1) {
        throw new IllegalArgumentException(
            "need sentences >= 1, runs >= 1 and warmup >= 0, got " + sentences + ", " + runs + ", " + warmup);
      }
      if ((hyp == null) != (ref == null)) {
        throw new IllegalArgumentException("give both --hyp and --ref, or neither");
      }
    }

    static Options parse(String[] args) {
      int sentences = 100_000;
      long seed = 1;
      int runs = 7;
      int warmup = 3;
      Path hyp = null;
      Path ref = null;
      Path out = Path.of("bench", "results", "bleu.json");
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        String v = args[i + 1];
        switch (args[i]) {
          case "--sentences" -> sentences = Integer.parseInt(v);
          case "--seed" -> seed = Long.parseLong(v);
          case "--runs" -> runs = Integer.parseInt(v);
          case "--warmup" -> warmup = Integer.parseInt(v);
          case "--hyp" -> hyp = Path.of(v);
          case "--ref" -> ref = Path.of(v);
          case "--out" -> out = Path.of(v);
          default -> throw new IllegalArgumentException(
              "unknown option " + args[i] + "; expected --sentences, --seed, --runs, --warmup, --hyp, --ref, --out");
        }
      }
      return new Options(sentences, seed, runs, warmup, hyp, ref, out);
    }
  }

  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    int runs = o.runs();
    Path out = o.out();
    List<String> hyps;
    List<String> refs;
    String source;
    if (o.hyp() != null) {
      hyps = Files.readAllLines(o.hyp(), StandardCharsets.UTF_8);
      refs = Files.readAllLines(o.ref(), StandardCharsets.UTF_8);
      source = "files " + o.hyp() + " " + o.ref();
    } else {
      hyps = new ArrayList<>(o.sentences());
      refs = new ArrayList<>(o.sentences());
      generate(new SplittableRandom(o.seed()), o.sentences(), hyps, refs);
      source = "generated --seed " + o.seed() + " --sentences " + o.sentences();
    }
    Bleu bleu = new Bleu(BleuConfig.corpusDefaults());
    List<List<String>> refStreams = List.of(refs);
    BleuScore score = null;
    for (int i = 0; i < o.warmup(); i++) {
      score = bleu.corpusScore(hyps, refStreams);
    }
    double[] seconds = new double[runs];
    double[] cpuSeconds = new double[runs];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      score = bleu.corpusScore(hyps, refStreams);
      seconds[i] = (System.nanoTime() - t0) / 1e9;
      cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    }
    double median = median(seconds);
    double perSecond = hyps.size() / median;
    String json = json(hyps.size(), source, seconds, median, perSecond, score, median(cpuSeconds));
    writeAtomically(out, json);
    System.out.printf(
        Locale.ROOT,
        "seqlab BLEU: %s; %d sentences, median %.3f s (thread CPU %.3f s) of %d runs = %.0f sentences/s; wrote %s%n",
        score.format(2),
        hyps.size(),
        median,
        median(cpuSeconds),
        runs,
        perSecond,
        out);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static void generate(SplittableRandom rng, int n, List<String> hyps, List<String> refs) {
    String[] punct = {",", ".", "!", "?", "(", ")", "\"", "3.5", "1,000", "10-20", "e.g.", "don't", "$5", "5%"};
    String[] vocab = new String[2000 + punct.length];
    for (int i = 0; i < 2000; i++) {
      vocab[i] = "w" + i;
    }
    System.arraycopy(punct, 0, vocab, 2000, punct.length);
    StringBuilder ref = new StringBuilder();
    StringBuilder hyp = new StringBuilder();
    for (int s = 0; s < n; s++) {
      ref.setLength(0);
      hyp.setLength(0);
      int len = rng.nextInt(5, 41);
      for (int i = 0; i < len; i++) {
        String w = vocab[rng.nextInt(vocab.length)];
        ref.append(i == 0 ? "" : " ").append(w);
        double r = rng.nextDouble();
        if (r < 0.15) {
          continue; // dropped
        }
        String h = r < 0.3 ? vocab[rng.nextInt(vocab.length)] : w;
        hyp.append(hyp.length() == 0 ? "" : " ").append(h);
        if (rng.nextDouble() < 0.1) {
          hyp.append(' ').append(vocab[rng.nextInt(vocab.length)]);
        }
      }
      refs.add(ref.toString());
      hyps.add(hyp.toString());
    }
  }

  private static String json(
      int n, String source, double[] seconds, double median, double perSecond, BleuScore score, double cpu) {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < seconds.length; i++) {
      all.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", seconds[i]));
    }
    return String.format(
        Locale.ROOT,
        "{%n  \"benchmark\": \"org.seqlab.metrics.bench.BleuBenchmark\",%n  \"sentences\": %d,%n"
            + "  \"data\": \"%s\",%n  \"runs\": %d,%n  \"all_seconds\": [%s],%n  \"median_seconds\": %.6f,%n"
            + "  \"median_thread_cpu_seconds\": %.6f,%n  \"sentences_per_second\": %.1f,%n  \"threads\": 1,%n  \"score\": %s,%n"
            + "  \"signature\": \"%s\",%n  \"line\": \"%s\",%n  \"java\": \"%s\",%n  \"cpus\": %d%n}%n",
        n,
        source.replace("\\", "\\\\").replace("\"", "\\\""),
        seconds.length,
        all,
        median,
        cpu,
        perSecond,
        Double.toString(score.score()),
        score.signature(),
        score.format(2).replace("\"", "\\\""),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        Runtime.getRuntime().availableProcessors());
  }

  private static void writeAtomically(Path out, String text) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
