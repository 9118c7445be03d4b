package org.seqlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Strict UTF-8 line reading for command-line inputs: errors name the source and the line. */
public final class TextFiles {
  private TextFiles() {}

  /**
   * All lines of a file.
   *
   * @throws IOException naming the file (and line) when it is missing or not valid UTF-8
   */
  public static List<String> readLines(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readLines(in, path.toString());
    }
  }

  /**
   * All lines of a stream; {@code name} is used in error messages. Lines end at {@code \n}, {@code
   * \r\n} or {@code \r}, as in {@link java.io.BufferedReader#readLine()}.
   */
  public static List<String> readLines(InputStream in, String name) throws IOException {
    byte[] bytes = in.readAllBytes();
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < bytes.length) {
      byte b = bytes[i];
      if (b == '\n' || b == '\r') {
        lines.add(decode(decoder, bytes, start, i, name, lines.size() + 1));
        i += (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < bytes.length) {
      lines.add(decode(decoder, bytes, start, bytes.length, name, lines.size() + 1));
    }
    return lines;
  }

  private static String decode(CharsetDecoder decoder, byte[] b, int from, int to, String name, int line)
      throws IOException {
    try {
      return decoder.reset().decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException(name + ": invalid UTF-8 on line " + line, e);
    }
  }
}
