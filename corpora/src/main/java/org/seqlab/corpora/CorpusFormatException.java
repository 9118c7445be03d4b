package org.seqlab.corpora;

import java.nio.file.Path;

/**
 * A data file does not have the expected format: invalid UTF-8, a malformed line, a bad checksum, a
 * truncated file. The message always starts with {@code path:line:} (or {@code path:} when the problem
 * is not tied to one line), so it can be pasted into an editor.
 */
public final class CorpusFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /**
   * @param source the file (and zip entry) being read, as text
   * @param line 1-based line number, or 0 when the problem concerns the whole file
   * @param message what was wrong and what was expected
   */
  public CorpusFormatException(String source, long line, String message) {
    this(source, line, message, null);
  }

  public CorpusFormatException(String source, long line, String message, Throwable cause) {
    super(line > 0 ? source + ":" + line + ": " + message : source + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  public CorpusFormatException(Path path, long line, String message) {
    this(path.toString(), line, message, null);
  }

  /** The file (and zip entry) being read. */
  public String source() {
    return source;
  }

  /** The 1-based line number, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }
}
