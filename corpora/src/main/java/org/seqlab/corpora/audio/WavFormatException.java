package org.seqlab.corpora.audio;

import java.io.IOException;

/** A WAV file that is malformed, truncated or in an unsupported encoding; the message names the file. */
public final class WavFormatException extends IOException {
  public WavFormatException(String message) {
    super(message);
  }
}
