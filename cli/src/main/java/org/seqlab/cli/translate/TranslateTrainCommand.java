package org.seqlab.cli.translate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.attention.Segmentation;
import org.seqlab.attention.Seq2SeqData;
import org.seqlab.attention.Seq2SeqModel;
import org.seqlab.attention.Seq2SeqTrainer;
import org.seqlab.cli.TextFiles;
import org.seqlab.corpora.SentencePair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab translate train --source S --target T --out DIR}: trains a seq2seq model on line-aligned files. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains an encoder-decoder (Bahdanau attention by default) on line-aligned UTF-8 files "
            + "and saves it to --out. Progress lines show loss, tokens/s and ETA; with --checkpoint a "
            + "stopped run resumes where it left off.")
public final class TranslateTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOptions model;

  @Option(names = "--source", required = true, paramLabel = "FILE", description = "training source sentences")
  Path source;

  @Option(names = "--target", required = true, paramLabel = "FILE", description = "training target sentences, line-aligned")
  Path target;

  @Option(names = "--valid-source", paramLabel = "FILE", description = "validation source sentences")
  Path validSource;

  @Option(names = "--valid-target", paramLabel = "FILE", description = "validation target sentences")
  Path validTarget;

  @Option(names = "--segmentation", defaultValue = "WORDS", description = "WORDS or CHARACTERS (default: ${DEFAULT-VALUE})")
  Segmentation segmentation;

  @Option(names = "--min-count", defaultValue = "2", description = "rarer tokens become <unk> (default: ${DEFAULT-VALUE})")
  int minCount;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "model directory to write")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "checkpoint file (resumed when it exists)")
  Path checkpoint;

  @Option(names = "--minutes", description = "stop training after this many minutes (resume with --checkpoint)")
  Long minutes;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws IOException {
    List<SentencePair> train = pairs(source, target);
    Seq2SeqData data = Seq2SeqData.build(train, segmentation, segmentation, minCount);
    Seq2SeqData val = validSource == null ? null : data.encodeLike(pairs(validSource, validTarget));
    PrintWriter w = spec.commandLine().getOut();
    Seq2SeqTrainer trainer = new Seq2SeqTrainer(model.model(), model.training()).withProgress(100, p -> {
      w.println(p.format());
      w.flush();
    });
    if (checkpoint != null) {
      trainer = trainer.withCheckpoint(checkpoint, 200);
    }
    if (minutes != null) {
      trainer = trainer.withTimeLimit(Duration.ofMinutes(minutes));
    }
    w.printf(Locale.ROOT, "settings: %s | %s | seed %d | %d pairs, vocab %d -> %d%n", model.model().signature(),
        model.training().signature(), seed, data.size(), data.sourceVocabulary().size(), data.targetVocabulary().size());
    Seq2SeqModel m = trainer.train(data, val, seed);
    m.save(out);
    w.printf(Locale.ROOT, "saved %s to %s (%s steps of %s, %s s)%n", m, out, m.provenance().get("run.steps"),
        m.provenance().get("run.totalSteps"), m.provenance().get("run.seconds"));
    w.flush();
    return 0;
  }

  static List<SentencePair> pairs(Path src, Path tgt) throws IOException {
    if (tgt == null) {
      throw new IllegalArgumentException("a source file " + src + " needs its target file");
    }
    List<String> s = TextFiles.readLines(src);
    List<String> t = TextFiles.readLines(tgt);
    if (s.size() != t.size()) {
      throw new IllegalArgumentException("line counts differ: " + src + " has " + s.size() + " lines but " + tgt + " has "
          + t.size());
    }
    List<SentencePair> out = new ArrayList<>(s.size());
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i).isBlank() || t.get(i).isBlank()) {
        throw new IllegalArgumentException((s.get(i).isBlank() ? src : tgt) + ": line " + (i + 1) + " is blank");
      }
      out.add(new SentencePair(s.get(i), t.get(i)));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(src + " is empty: there is nothing to train on");
    }
    return out;
  }
}
