package org.seqlab.corpora.datasets;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the test fixtures and of the shared real data. */
final class Fixtures {
  static final Path SHARED = Path.of("/work/shared/data");

  private Fixtures() {}

  /** A fixture folder or file under {@code src/test/resources/org/seqlab/corpora/datasets}. */
  static Path fixture(String relative) {
    URL url = Fixtures.class.getResource(relative);
    if (url == null) {
      throw new IllegalStateException("missing test fixture " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when the shared dataset file or folder exists (slow tests skip otherwise). */
  static boolean shared(String relative) {
    return Files.exists(SHARED.resolve(relative));
  }
}
