package org.seqlab.corpora;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The vocabulary file format, version 1: UTF-8 text, {@code '\n'} line ends.
 *
 * <pre>
 * #seqlab-vocabulary v1 specials=standard size=6 crc32=1a2b3c4d
 * &lt;pad&gt;	0
 * &lt;unk&gt;	0
 * &lt;bos&gt;	0
 * &lt;eos&gt;	0
 * the	42
 * cat	7
 * </pre>
 *
 * One {@code token<TAB>count} line per id, in id order, after the header. The CRC32 covers the bytes of
 * every line after the header, newlines included. In tokens, backslash, tab, newline and carriage
 * return are written as {@code \\}, {@code \t}, {@code \n}, {@code \r}. Files are written atomically
 * (temporary sibling, then rename).
 */
final class VocabularyFormat {
  static final String MAGIC = "#seqlab-vocabulary";
  static final String VERSION = "v1";

  private VocabularyFormat() {}

  static void write(Vocabulary vocab, Path path) throws IOException {
    byte[] payload = payload(vocab);
    String header =
        MAGIC + " " + VERSION + " specials=" + vocab.specials().name().toLowerCase(Locale.ROOT)
            + " size=" + vocab.size() + " crc32=" + hex(crc(payload, 0, payload.length)) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + header.length());
    out.write(header.getBytes(StandardCharsets.UTF_8));
    out.write(payload);
    byte[] bytes = out.toByteArray();
    org.seqlab.core.io.AtomicFiles.write(path, o -> o.write(bytes));
  }

  static String checksumHex(Vocabulary vocab) {
    byte[] payload = payload(vocab);
    return hex(crc(payload, 0, payload.length));
  }

  private static byte[] payload(Vocabulary vocab) {
    StringBuilder sb = new StringBuilder(vocab.size() * 12);
    for (int id = 0; id < vocab.size(); id++) {
      escape(vocab.token(id), sb);
      sb.append('\t').append(vocab.count(id)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Vocabulary read(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString(), null, "vocabulary file does not exist");
    }
    byte[] all = Files.readAllBytes(path);
    int headerEnd = indexOf(all, 0);
    if (headerEnd < 0) {
      throw new CorpusFormatException(path, 1, "missing header line; expected '" + MAGIC + " "
          + VERSION + " specials=... size=... crc32=...' ending in a newline");
    }
    Header h = Header.parse(path, decode(path, 1, all, 0, headerEnd));
    if (all.length > headerEnd + 1 && all[all.length - 1] != '\n') {
      throw new CorpusFormatException(path, countLines(all), "last line has no newline: the file is truncated");
    }
    List<String> tokens = new ArrayList<>(h.size);
    List<Long> counts = new ArrayList<>(h.size);
    int line = 1;
    for (int start = headerEnd + 1; start < all.length; ) {
      int end = indexOf(all, start);
      line++;
      parseEntry(path, line, decode(path, line, all, start, end), tokens, counts);
      start = end + 1;
    }
    if (tokens.size() != h.size) {
      throw new CorpusFormatException(path, 0, "header says size=" + h.size + " but the file has "
          + tokens.size() + " entries: the file is truncated or corrupted");
    }
    long crc = crc(all, headerEnd + 1, all.length - headerEnd - 1);
    if (crc != h.crc) {
      throw new CorpusFormatException(path, 0, "checksum mismatch: header crc32=" + hex(h.crc)
          + " but the entries hash to " + hex(crc) + ": the file is corrupted");
    }
    long[] c = new long[counts.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts.get(i);
    }
    try {
      return new Vocabulary(h.specials, tokens.toArray(new String[0]), c);
    } catch (IllegalArgumentException e) {
      throw new CorpusFormatException(path.toString(), 0, "invalid vocabulary: " + e.getMessage(), e);
    }
  }

  private static void parseEntry(
      Path path, int line, String text, List<String> tokens, List<Long> counts) {
    int tab = text.lastIndexOf('\t');
    if (tab <= 0) {
      throw new CorpusFormatException(path, line, "expected 'token<TAB>count', got '" + text + "'");
    }
    long count;
    try {
      count = Long.parseLong(text.substring(tab + 1));
    } catch (NumberFormatException e) {
      throw new CorpusFormatException(path, line,
          "expected a non-negative integer count after the tab, got '" + text.substring(tab + 1) + "'");
    }
    if (count < 0) {
      throw new CorpusFormatException(path, line, "count must be >= 0, got " + count);
    }
    tokens.add(unescape(path, line, text.substring(0, tab)));
    counts.add(count);
  }

  /** The parsed header line. */
  private record Header(Specials specials, int size, long crc) {
    static Header parse(Path path, String text) {
      String[] f = text.split(" ", -1);
      if (f.length != 5 || !f[0].equals(MAGIC)) {
        throw new CorpusFormatException(path, 1, "expected header '" + MAGIC
            + " v1 specials=... size=... crc32=...', got '" + text + "'");
      }
      if (!f[1].equals(VERSION)) {
        throw new CorpusFormatException(path, 1, "unsupported version '" + f[1] + "'; this reader knows " + VERSION);
      }
      try {
        Specials sp = Specials.valueOf(value(path, f[2], "specials").toUpperCase(Locale.ROOT));
        int size = Integer.parseInt(value(path, f[3], "size"));
        long crc = Long.parseLong(value(path, f[4], "crc32"), 16);
        if (size < 0 || crc < 0 || crc > 0xFFFFFFFFL) {
          throw new NumberFormatException("out of range");
        }
        return new Header(sp, size, crc);
      } catch (IllegalArgumentException e) {
        throw new CorpusFormatException(path, 1, "malformed header '" + text
            + "': expected specials=none|standard size=<int> crc32=<8 hex digits>");
      }
    }

    private static String value(Path path, String field, String key) {
      if (!field.startsWith(key + "=")) {
        throw new CorpusFormatException(path, 1, "expected header field '" + key + "=...', got '" + field + "'");
      }
      return field.substring(key.length() + 1);
    }
  }

  static void escape(String token, StringBuilder sb) {
    for (int i = 0; i < token.length(); i++) {
      char ch = token.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }

  static String unescape(Path path, int line, String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '\\') {
        sb.append(ch);
        continue;
      }
      char e = ++i < s.length() ? s.charAt(i) : '?';
      switch (e) {
        case '\\' -> sb.append('\\');
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        default -> throw new CorpusFormatException(path, line,
            "invalid escape in token '" + s + "'; expected \\\\, \\t, \\n or \\r");
      }
    }
    return sb.toString();
  }

  private static String decode(Path path, int line, byte[] b, int from, int to) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return dec.decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw new CorpusFormatException(path, line, "invalid UTF-8; the file must be UTF-8");
    }
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return from < b.length ? b.length : -1;
  }

  private static int countLines(byte[] b) {
    int n = 1;
    for (int i = 0; i < b.length - 1; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  private static long crc(byte[] b, int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(b, off, len);
    return crc.getValue();
  }

  private static String hex(long v) {
    return String.format(Locale.ROOT, "%08x", v);
  }
}
