import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.seqlab.corpora.datasets.Dinos;
import org.seqlab.corpora.datasets.TinyShakespeare;
import org.seqlab.decoding.SamplerConfig;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.CharLanguageModel;
import org.seqlab.sequence.CharLmConfig;
import org.seqlab.sequence.CharLmTrainer;

/**
 * Character-LM quality run on tinyshakespeare or dinos (real data, read at run time). Prints the
 * settings and seed, progress lines with ETA, the final validation loss in nats and bits per
 * character, samples and sentence log-probabilities; saves the model. Launched by bench/charlm/run.sh.
 */
public final class CharLmRun {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("data", "tinyshakespeare");
    o.put("data-dir", System.getenv().getOrDefault("SEQLAB_DATA", "../shared/data"));
    o.put("seed", "1");
    o.put("cell", "LSTM");
    o.put("embed", "64");
    o.put("hidden", "256");
    o.put("layers", "2");
    o.put("dropout", "0.1");
    o.put("batch", "32");
    o.put("bptt", "64");
    o.put("lr", "0.002");
    o.put("min-lr", "0.0002");
    o.put("clip", "5");
    o.put("steps", "2000");
    o.put("eval-every", "250");
    o.put("eval-chars", "20000");
    o.put("out", "target/charlm.seqlab");
    o.put("checkpoint", "");
    o.put("checkpoint-every", "50");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String k = args[i].replaceFirst("^--", "");
      if (!o.containsKey(k)) {
        throw new IllegalArgumentException("unknown option --" + k + "; known: " + o.keySet());
      }
      o.put(k, args[i + 1]);
    }
    CharLmConfig cfg = CharLmConfig.builder()
        .cell(CellType.valueOf(o.get("cell"))).embedDim(i(o, "embed")).hiddenSize(i(o, "hidden")).layers(i(o, "layers"))
        .dropout(d(o, "dropout")).batchSize(i(o, "batch")).bpttLength(i(o, "bptt")).learningRate(d(o, "lr")).minLearningRate(d(o, "min-lr"))
        .clipNorm(d(o, "clip")).steps(i(o, "steps")).evalEvery(i(o, "eval-every")).evalChars(i(o, "eval-chars")).build();
    long seed = Long.parseLong(o.get("seed"));
    Path dataDir = Path.of(o.get("data-dir"));
    String train;
    String valid;
    boolean names = o.get("data").equals("dinos");
    if (names) {
      List<String> all = new ArrayList<>(Dinos.load(dataDir.resolve("dinos/dinos.txt"), true));
      java.util.Collections.shuffle(all, new java.util.Random(seed)); // seeded split
      int cut = (int) (all.size() * 0.9);
      train = "\n" + String.join("\n", all.subList(0, cut)) + "\n";
      valid = "\n" + String.join("\n", all.subList(cut, all.size())) + "\n";
    } else {
      TinyShakespeare ts = TinyShakespeare.load(dataDir.resolve("tinyshakespeare/input.txt"));
      train = ts.train();
      valid = ts.validation();
    }
    System.out.printf(Locale.ROOT, "data %s: %,d train / %,d validation characters%n", o.get("data"), train.length(), valid.length());
    System.out.println("config " + cfg.signature() + "  seed " + seed);
    System.out.println("settings " + o);
    CharLmTrainer trainer = new CharLmTrainer(cfg).withProgress(50, p -> System.out.println(p.format()));
    if (!o.get("checkpoint").isEmpty()) {
      trainer = trainer.withCheckpoint(Path.of(o.get("checkpoint")), i(o, "checkpoint-every"));
    }
    long t0 = System.nanoTime();
    CharLanguageModel m = trainer.train(train, valid, seed);
    double secs = (System.nanoTime() - t0) / 1e9;
    double nats = Double.parseDouble(m.provenance().get("run.validation.nats"));
    System.out.printf(Locale.ROOT, "final validation: %.4f nats/char, %.4f bits/char (%,d chars, %.0f s training)%n",
        nats, nats / Math.log(2), valid.length(), secs);
    Path out = Path.of(o.get("out"));
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    m.save(out);
    System.out.println("saved " + out);
    SplittableRandom rng = new SplittableRandom(seed);
    for (SamplerConfig sc : List.of(SamplerConfig.ancestral().withTemperature(0.8), new SamplerConfig(1.0, 5, 1.0))) {
      System.out.println("--- sample " + sc.signature());
      if (names) {
        for (int k = 0; k < 8; k++) {
          System.out.print(m.sample("\n", 30, '\n', sc, rng.nextLong()));
        }
      } else {
        System.out.println("ROMEO:" + m.sample("ROMEO:", 300, -1, sc, rng.nextLong()));
      }
    }
    List<String> probes = names ? List.of("tyrannosaurus\n", "velociraptor\n", "xqzkwj\n")
        : List.of("To be, or not to be, that is the question.", "Be not afraid of greatness.", "Qxv zzkq wpt jjjr.");
    for (String s : probes) {
      double lp = m.logProbability(names ? "\n" : "\n", s);
      System.out.printf(Locale.ROOT, "log p(%s | \"\\n\") = %.2f nats (%.3f bits/char)%n",
          s.strip(), lp, -lp / Math.log(2) / s.codePointCount(0, s.length()));
    }
  }

  private static int i(Map<String, String> o, String k) {
    return Integer.parseInt(o.get(k));
  }

  private static double d(Map<String, String> o, String k) {
    return Double.parseDouble(o.get(k));
  }
}
