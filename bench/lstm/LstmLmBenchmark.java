import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.core.Backend;
import org.seqlab.core.Tape;
import org.seqlab.core.optim.Adam;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.FusedAdam;
import org.seqlab.sequence.LanguageModel;
import org.seqlab.sequence.LanguageModelConfig;

/**
 * Word-LSTM language-model training/inference throughput, seqlab vs PyTorch, back to back on the same
 * settings (embedding -> 1-layer LSTM -> full-softmax output, mean cross-entropy, Adam lr 1e-3,
 * uniform random token ids). Launched by bench/lstm/run.sh; prints a table and writes a JSON file.
 */
public final class LstmLmBenchmark {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>(Map.of(
        "vocab", "10000", "embed", "128", "hidden", "256", "batch", "32", "length", "35",
        "warmup", "20", "steps", "20", "seed", "7", "python", "/usr/bin/python3", "out", "bench/results/lstm.json"));
    o.put("torch", "true");
    o.put("optimizer", "fused"); // fused: org.seqlab.sequence.FusedAdam; core: org.seqlab.core.optim.Adam
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int v = Integer.parseInt(o.get("vocab"));
    int e = Integer.parseInt(o.get("embed"));
    int h = Integer.parseInt(o.get("hidden"));
    int b = Integer.parseInt(o.get("batch"));
    int t = Integer.parseInt(o.get("length"));
    int warmup = Integer.parseInt(o.get("warmup"));
    int steps = Integer.parseInt(o.get("steps"));
    long seed = Long.parseLong(o.get("seed"));
    System.out.printf(Locale.ROOT, "settings: vocab %d, embed %d, hidden %d, batch %d, length %d, warmup %d, steps %d, seed %d%n",
        v, e, h, b, t, warmup, steps, seed);
    String loadBefore = loadAverage();
    Backend be = Backend.current();
    System.out.println("seqlab backend: " + be.backend() + " blas " + be.blasVendor() + " threads " + be.threads());

    LanguageModel lm = new LanguageModel(new LanguageModelConfig(v, e, CellType.LSTM, h, 1, 0.0), DataType.FLOAT, seed);
    boolean fused = o.get("optimizer").equals("fused");
    Adam coreAdam = new Adam(1e-3);
    FusedAdam fusedAdam = new FusedAdam(1e-3);
    System.out.println("optimizer: " + (fused ? "seqlab FusedAdam " + fusedAdam.signature() : "core Adam " + coreAdam.signature()));
    SplittableRandom rng = new SplittableRandom(seed);
    int[][] x = new int[b][t];
    int[][] y = new int[b][t];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < t; k++) {
        x[i][k] = rng.nextInt(v);
        y[i][k] = rng.nextInt(v);
      }
    }
    double[] phases = new double[3];
    Runnable train = () -> {
      long t0 = System.nanoTime();
      try (Tape tape = new Tape()) {
        LanguageModel.Output out = lm.loss(tape, x, y, null, null, false, 0);
        long t1 = System.nanoTime();
        tape.backward(out.loss());
        long t2 = System.nanoTime();
        if (fused) {
          fusedAdam.step(lm.parameters());
        } else {
          coreAdam.step(lm.parameters());
        }
        long t3 = System.nanoTime();
        phases[0] += (t1 - t0) / 1e9;
        phases[1] += (t2 - t1) / 1e9;
        phases[2] += (t3 - t2) / 1e9;
      }
    };
    Runnable infer = () -> lm.evaluate(x, y, null);
    double trainMed = median(train, warmup, steps);
    double forward = phases[0] / (warmup + steps);
    double backward = phases[1] / (warmup + steps);
    double optim = phases[2] / (warmup + steps);
    double inferMed = median(infer, warmup, steps);
    int tokens = b * t;
    Map<String, Object> seq = new LinkedHashMap<>();
    seq.put("train_median_s", trainMed);
    seq.put("train_tokens_per_s", tokens / trainMed);
    seq.put("infer_median_s", inferMed);
    seq.put("infer_tokens_per_s", tokens / inferMed);
    seq.put("train_mean_forward_s", forward);
    seq.put("train_mean_backward_s", backward);
    seq.put("train_mean_adam_s", optim);
    System.out.printf(Locale.ROOT, "seqlab: train %.3f s/step (forward %.3f, backward %.3f, adam %.3f), infer %.3f s/batch%n",
        trainMed, forward, backward, optim, inferMed);

    Map<String, Double> torch = null;
    if (Boolean.parseBoolean(o.get("torch"))) {
      torch = runTorch(o);
    }
    String loadAfter = loadAverage();
    System.out.println("load average (1 min) before " + loadBefore + ", after " + loadAfter);
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"load_average_1m\": {\"before\": ").append(loadBefore).append(", \"after\": ").append(loadAfter).append("},\n");
    json.append(String.format(Locale.ROOT,
        "  \"settings\": {\"vocab\": %d, \"embed\": %d, \"hidden\": %d, \"batch\": %d, \"length\": %d, \"warmup\": %d, \"steps\": %d, \"seed\": %d, \"optimizer\": \"%s\", \"loss\": \"full softmax cross-entropy, mean\", \"dtype\": \"float32\", \"threads\": %d},\n",
        v, e, h, b, t, warmup, steps, seed, fused ? "FusedAdam lr 1e-3" : "core Adam lr 1e-3", be.threads()));
    json.append("  \"seqlab\": ").append(toJson(seq));
    System.out.println();
    System.out.printf(Locale.ROOT, "%-10s %14s %14s %8s%n", "", "seqlab tok/s", "pytorch tok/s", "ratio");
    if (torch != null) {
      json.append(",\n  \"pytorch\": ").append(toJson(new LinkedHashMap<>(torch)));
      double rt = (tokens / trainMed) / torch.get("train_tokens_per_s");
      double ri = (tokens / inferMed) / torch.get("infer_tokens_per_s");
      System.out.printf(Locale.ROOT, "%-10s %14.0f %14.0f %8.2f%n", "train", tokens / trainMed, torch.get("train_tokens_per_s"), rt);
      System.out.printf(Locale.ROOT, "%-10s %14.0f %14.0f %8.2f%n", "inference", tokens / inferMed, torch.get("infer_tokens_per_s"), ri);
      json.append(String.format(Locale.ROOT, ",\n  \"ratio\": {\"train\": %.4f, \"infer\": %.4f}", rt, ri));
    } else {
      System.out.printf(Locale.ROOT, "%-10s %14.0f%n%-10s %14.0f%n", "train", tokens / trainMed, "inference", tokens / inferMed);
    }
    json.append("\n}\n");
    Path out = Path.of(o.get("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "lstm", ".tmp");
    Files.writeString(tmp, json.toString(), StandardCharsets.UTF_8);
    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("wrote " + out);
  }

  /** The 1-minute load average from /proc/loadavg (Linux), or -1. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "-1";
    }
  }

  private static double median(Runnable r, int warmup, int steps) {
    for (int i = 0; i < warmup; i++) {
      r.run();
    }
    double[] times = new double[steps];
    for (int i = 0; i < steps; i++) {
      long t0 = System.nanoTime();
      r.run();
      times[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(times);
    return steps % 2 == 1 ? times[steps / 2] : (times[steps / 2 - 1] + times[steps / 2]) / 2;
  }

  private static Map<String, Double> runTorch(Map<String, String> o) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(o.get("python"), "bench/lstm/bench_torch.py"));
    for (String k : List.of("vocab", "embed", "hidden", "batch", "length", "warmup", "steps", "seed")) {
      cmd.add("--" + k);
      cmd.add(o.get(k));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    if ("1".equals(System.getenv("SEQLAB_SPIN_DEFAULTED"))) {
      pb.environment().remove("GOMP_SPINCOUNT"); // set by run.sh for seqlab only: PyTorch keeps its default
    }
    Process p = pb.start();
    String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("pytorch benchmark failed: " + cmd);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    Matcher mt = Pattern.compile("\"(\\w+)\": ([-0-9.eE]+)").matcher(outText);
    while (mt.find()) {
      m.put(mt.group(1), Double.parseDouble(mt.group(2)));
    }
    System.out.printf(Locale.ROOT, "pytorch: train %.3f s/step, infer %.3f s/batch (threads %.0f)%n",
        m.get("train_median_s"), m.get("infer_median_s"), m.get("threads"));
    return m;
  }

  private static String toJson(Map<String, ?> m) {
    StringBuilder s = new StringBuilder("{");
    m.forEach((k, val) -> s.append(s.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
        .append(String.format(Locale.ROOT, "%.6g", ((Number) val).doubleValue())));
    return s.append('}').toString();
  }
}
