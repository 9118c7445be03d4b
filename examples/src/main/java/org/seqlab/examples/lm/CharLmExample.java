package org.seqlab.examples.lm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.seqlab.corpora.datasets.DataSplit;
import org.seqlab.corpora.datasets.Dinos;
import org.seqlab.corpora.datasets.TinyShakespeare;
import org.seqlab.decoding.SamplerConfig;
import org.seqlab.examples.Datasets;
import org.seqlab.sequence.CharLanguageModel;
import org.seqlab.sequence.CharLmConfig;
import org.seqlab.sequence.CharLmTrainer;

/**
 * Character-level language model on tinyshakespeare (nanoGPT's 90/10 split), the dinosaur names
 * (a seeded 90/10 split of the names, one per line) or any UTF-8 text file (first 90% / last 10%).
 * Trains with truncated BPTT, prints progress with ETA, reports validation nats and bits per
 * character, saves the model and prints samples.
 */
public final class CharLmExample {
  private CharLmExample() {}

  /**
   * @param data {@code tinyshakespeare}, {@code dinos}, or the path of a UTF-8 text file
   * @param dataDir the shared data folder (for the named datasets)
   * @param config network and training settings
   * @param seed the run seed (initialisation, dropout, the dinos split, sampling)
   * @param out where to save the model, or null
   * @param checkpoint resumable training state, or null
   * @param sampling how to sample after training
   * @param samples how many samples to print (lines for dinos, 300-character passages otherwise)
   * @param log progress and report lines
   */
  public record Options(
      String data, Path dataDir, CharLmConfig config, long seed, Path out, Path checkpoint, SamplerConfig sampling,
      int samples, PrintWriter log) {
    public Options {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(sampling, "sampling");
      Objects.requireNonNull(log, "log");
    }
  }

  /**
   * @param model the trained model
   * @param validationNats mean validation loss, nats per character
   * @param trainChars training characters
   * @param validationChars validation characters
   * @param trainSeconds wall-clock training time
   * @param samples the generated texts
   */
  public record Result(
      CharLanguageModel model, double validationNats, int trainChars, int validationChars, double trainSeconds,
      List<String> samples) {
    public double bitsPerChar() {
      return validationNats / Math.log(2);
    }
  }

  /** Training and validation text of a dataset. */
  record Texts(String train, String validation, boolean names) {}

  static Texts load(String data, Path dataDir, long seed) throws IOException {
    switch (data) {
      case "tinyshakespeare" -> {
        TinyShakespeare ts = TinyShakespeare.load(Datasets.require(dataDir, "tinyshakespeare/input.txt", data));
        return new Texts(ts.train(), ts.validation(), false);
      }
      case "dinos" -> {
        List<String> names = Dinos.load(Datasets.require(dataDir, "dinos/dinos.txt", data), true);
        DataSplit<String> split = DataSplit.random(names, 0.1, 0, seed);
        return new Texts("\n" + String.join("\n", split.train()) + "\n", "\n" + String.join("\n", split.validation()) + "\n", true);
      }
      default -> {
        String text = Datasets.readString(Path.of(data));
        int cut = text.offsetByCodePoints(0, (int) (text.codePointCount(0, text.length()) * 0.9));
        if (cut < 2 || text.length() - cut < 2) {
          throw new IllegalArgumentException("text file " + data + " is too short to split 90/10 (" + text.length() + " chars)");
        }
        return new Texts(text.substring(0, cut), text.substring(cut), false);
      }
    }
  }

  public static Result run(Options o) throws IOException {
    Texts t = load(o.data(), o.dataDir(), o.seed());
    PrintWriter log = o.log();
    log.printf(Locale.ROOT, "data        %s: %,d train / %,d validation characters%n", o.data(), t.train().length(), t.validation().length());
    log.printf(Locale.ROOT, "config      %s%n", o.config().signature());
    log.printf(Locale.ROOT, "seed        %d%n", o.seed());
    CharLmTrainer trainer = new CharLmTrainer(o.config()).withProgress(50, p -> {
      log.println("progress    " + p.format());
      log.flush();
    });
    if (o.checkpoint() != null) {
      trainer = trainer.withCheckpoint(o.checkpoint(), 25);
      log.println("checkpoint  " + o.checkpoint() + " (every 25 steps; rerun the same command to resume)");
    }
    long t0 = System.nanoTime();
    CharLanguageModel m = trainer.train(t.train(), t.validation(), o.seed());
    double secs = (System.nanoTime() - t0) / 1e9;
    double nats = Double.parseDouble(m.provenance().get("run.validation.nats"));
    log.printf(Locale.ROOT, "validation  %.4f nats/char  %.4f bits/char  (%,d chars)%n", nats, nats / Math.log(2), t.validation().length());
    log.printf(Locale.ROOT, "trained in  %s%n", Datasets.duration(secs));
    if (o.out() != null) {
      m.save(o.out());
      log.println("saved       " + o.out());
    }
    List<String> samples = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(o.seed());
    log.println("sampling    " + o.sampling().signature());
    for (int k = 0; k < o.samples(); k++) {
      String s = t.names() ? m.sample("\n", 40, '\n', o.sampling(), rng.nextLong()).strip()
          : m.sample("\n", 300, -1, o.sampling(), rng.nextLong());
      samples.add(s);
      log.println(t.names() ? "sample      " + s : "--- sample " + (k + 1) + "\n" + s);
    }
    log.flush();
    return new Result(m, nats, t.train().length(), t.validation().length(), secs, List.copyOf(samples));
  }

  /** {@code main [tinyshakespeare|dinos|FILE] [steps]} with the README's settings for that dataset. */
  public static void main(String[] args) throws IOException {
    String data = args.length > 0 ? args[0] : "dinos";
    CharLmConfig cfg = data.equals("dinos") ? dinosConfig() : shakespeareConfig();
    if (args.length > 1) {
      cfg = cfg.withSteps(Integer.parseInt(args[1]));
    }
    PrintWriter log = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    run(new Options(data, Datasets.defaultDir(), cfg, 1, null, null, SamplerConfig.ancestral().withTemperature(0.8), 5, log));
  }

  /** The tinyshakespeare quality-run settings (see README). */
  public static CharLmConfig shakespeareConfig() {
    return CharLmConfig.builder().embedDim(64).hiddenSize(512).layers(2).dropout(0.2).batchSize(64).bpttLength(100)
        .learningRate(2e-3).minLearningRate(1e-4).clipNorm(5).steps(1500).evalEvery(250).evalChars(20_000).build();
  }

  /** The dinosaur-names settings (see README). */
  public static CharLmConfig dinosConfig() {
    return CharLmConfig.builder().embedDim(32).hiddenSize(128).layers(1).dropout(0.1).batchSize(16).bpttLength(32)
        .learningRate(5e-3).minLearningRate(5e-4).clipNorm(5).steps(600).evalEvery(100).evalChars(0).build();
  }
}
