package org.seqlab.cli;

import java.nio.file.Path;

/** Where the shared datasets live: {@code $SEQLAB_DATA}, else {@code ../shared/data} from the working directory. */
public final class DataDir {
  private DataDir() {}

  public static Path resolve() {
    String env = System.getenv("SEQLAB_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of("..", "shared", "data").toAbsolutePath().normalize();
  }
}
