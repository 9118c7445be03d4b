package org.seqlab.examples;

import java.nio.file.Path;

/** Where the examples find the shared datasets: {@code $SEQLAB_DATA}, else {@code ../shared/data}. */
public final class SharedData {
  private SharedData() {}

  /** The datasets folder (it may not exist; each example says clearly when its data is missing). */
  public static Path root() {
    String env = System.getenv("SEQLAB_DATA");
    return (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data")).toAbsolutePath().normalize();
  }
}
