package org.seqlab.core.optim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.seqlab.core.io.ParameterFile;

/**
 * Saves and restores an optimizer's state (moment buffers and step count) in a {@link
 * ParameterFile}, apart from the model's parameters. Metadata: {@code kind=optimizer}, {@code
 * signature} (the optimizer's {@link Optimizer#signature()}) and {@code steps}.
 */
public final class OptimizerCheckpoint {
  private OptimizerCheckpoint() {}

  /** Writes the state atomically. */
  public static void save(Path path, Optimizer optimizer) throws IOException {
    Map<String, String> meta = new TreeMap<>();
    meta.put(ParameterFile.KIND, "optimizer");
    meta.put(ParameterFile.SIGNATURE, optimizer.signature());
    meta.put("steps", Long.toString(optimizer.steps()));
    ParameterFile.write(path, optimizer.state(), meta);
  }

  /**
   * Restores state saved from an optimizer with the same signature.
   *
   * @throws IOException naming the path when the file is not an optimizer checkpoint or its
   *     signature differs from {@code optimizer}'s
   */
  public static void restore(Path path, Optimizer optimizer) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(path);
    Map<String, String> meta = c.metadata();
    if (!"optimizer".equals(meta.get(ParameterFile.KIND))) {
      throw new IOException(path + ": kind is " + meta.get(ParameterFile.KIND) + ", expected optimizer");
    }
    if (!optimizer.signature().equals(meta.get(ParameterFile.SIGNATURE))) {
      throw new IOException(
          path + ": saved by optimizer " + meta.get(ParameterFile.SIGNATURE) + ", cannot restore into "
              + optimizer.signature());
    }
    long steps;
    try {
      steps = Long.parseLong(meta.getOrDefault("steps", ""));
    } catch (NumberFormatException e) {
      throw new IOException(path + ": bad steps entry '" + meta.get("steps") + "'", e);
    }
    optimizer.loadState(c.tensors(), steps);
  }
}
