package org.seqlab.cli.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Recognises and loads one kind of model file or directory for the server. */
interface ModelLoader {
  /**
   * @param entry a file or directory in the models directory
   * @return the verified model, or empty when {@code entry} is not of this loader's kind
   * @throws IOException when the entry is of this kind but cannot be read, or fails its version or
   *     checksum check (the message names the file and the reason)
   */
  Optional<ServedModel> load(Path entry) throws IOException;
}
