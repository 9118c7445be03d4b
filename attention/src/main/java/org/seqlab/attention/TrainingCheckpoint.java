package org.seqlab.attention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.sequence.FusedAdam;

/**
 * A resumable training checkpoint: one {@link ParameterFile} (atomic, versioned, CRC32) with the
 * parameters, the Adam moments ({@code opt/...}), and metadata naming the run (model and training
 * signatures, seed, vocabulary checksums), the step and the training seconds so far. A checkpoint of
 * another run is refused with a message saying so.
 */
final class TrainingCheckpoint {
  static final String FORMAT = "seqlab-seq2seq-checkpoint";
  private final Path file;
  private final String run;

  TrainingCheckpoint(Path file, Seq2SeqConfig model, Seq2SeqTrainerConfig config, Seq2SeqModel shape, long seed) {
    this.file = file;
    this.run = model.signature() + "#" + config.signature() + "#seed:" + seed + "#vocab:"
        + shape.sourceVocabulary().checksum() + "/" + shape.targetVocabulary().checksum();
  }

  record Resumed(long step, double seconds) {}

  void save(Seq2SeqNetwork net, FusedAdam adam, long step, double seconds) throws IOException {
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    net.params.list().forEach(p -> tensors.put(p.name(), p.value()));
    adam.state().forEach((k, v) -> tensors.put("opt/" + k, v));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("checkpoint.run", run);
    meta.put("checkpoint.step", Long.toString(step));
    meta.put("checkpoint.optimizerSteps", Long.toString(adam.steps()));
    meta.put("checkpoint.seconds", Double.toString(seconds));
    ParameterFile.write(file, tensors, meta);
  }

  Resumed restore(Seq2SeqNetwork net, FusedAdam adam) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(file);
    Map<String, String> m = c.metadata();
    if (!FORMAT.equals(m.get("format"))) {
      throw new IOException(file + ": not a seq2seq training checkpoint (format '" + m.get("format") + "')");
    }
    if (!run.equals(m.get("checkpoint.run"))) {
      throw new IOException(file + ": checkpoint of another run (" + m.get("checkpoint.run") + "); this run is " + run
          + ". Delete the file or choose another checkpoint path");
    }
    for (Parameter p : net.params.list()) {
      INDArray v = c.tensors().get(p.name());
      if (v == null || !Arrays.equals(v.shape(), p.shape())) {
        throw new IOException(file + ": tensor '" + p.name() + "' is missing or has the wrong shape");
      }
      p.value().assign(v);
    }
    Map<String, INDArray> opt = new LinkedHashMap<>();
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("opt/")) {
        opt.put(k.substring(4), v);
      }
    });
    try {
      adam.loadState(opt, Long.parseLong(m.get("checkpoint.optimizerSteps")));
      return new Resumed(Long.parseLong(m.get("checkpoint.step")), Double.parseDouble(m.get("checkpoint.seconds")));
    } catch (RuntimeException e) {
      throw new IOException(file + ": bad checkpoint metadata: " + e.getMessage(), e);
    }
  }
}
