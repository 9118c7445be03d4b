package org.seqlab.corpora;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where text comes from: a plain file, a gzip file ({@code .gz}), or one entry of a {@code .zip}
 * archive (both read by streaming inflation, never unpacked to disk), decoded strictly with an explicit charset (UTF-8 unless told
 * otherwise). Invalid bytes raise a {@link CorpusFormatException} naming the source and line.
 *
 * <p>Immutable and thread-safe; every {@link #openReader()} opens the file anew.
 */
public final class TextSource {
  private final Path path;
  private final String entry;
  private final Charset charset;

  private TextSource(Path path, String entry, Charset charset) {
    this.path = path;
    this.entry = entry;
    this.charset = charset;
  }

  /**
   * A UTF-8 source. A path ending in {@code .gz} (any case) is gunzipped while reading; a path ending
   * in {@code .zip} is read through its single entry (a zip with several entries needs {@link
   * #zipEntry}).
   *
   * @throws IllegalArgumentException if the file does not exist, or the zip has no single entry
   */
  public static TextSource of(Path path) {
    requireFile(path);
    if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return new TextSource(path, null, StandardCharsets.UTF_8);
    }
    List<String> names = entryNames(path);
    if (names.size() != 1) {
      throw new IllegalArgumentException(
          "path " + path + " is a zip with " + names.size() + " file entries " + names
              + "; expected exactly one, or name one with TextSource.zipEntry(path, entry)");
    }
    return new TextSource(path, names.get(0), StandardCharsets.UTF_8);
  }

  /**
   * A UTF-8 source reading entry {@code entry} of zip archive {@code zip}.
   *
   * @throws IllegalArgumentException if the file or the entry does not exist
   */
  public static TextSource zipEntry(Path zip, String entry) {
    requireFile(zip);
    Objects.requireNonNull(entry, "entry");
    List<String> names = entryNames(zip);
    if (!names.contains(entry)) {
      throw new IllegalArgumentException(
          "entry '" + entry + "' is not in zip " + zip + "; it holds " + names);
    }
    return new TextSource(zip, entry, StandardCharsets.UTF_8);
  }

  /** The same file decoded with {@code cs} instead (for example ISO-8859-1 for legacy data). */
  public TextSource withCharset(Charset cs) {
    return new TextSource(path, entry, Objects.requireNonNull(cs, "cs"));
  }

  /** The file on disk (the archive, for a zip entry). */
  public Path path() {
    return path;
  }

  /** The zip entry read, if this source is inside a zip. */
  public Optional<String> entry() {
    return Optional.ofNullable(entry);
  }

  public Charset charset() {
    return charset;
  }

  /** Opens the raw bytes (inflated for a zip entry). The caller closes the stream. */
  public InputStream openStream() throws IOException {
    if (entry == null) {
      InputStream raw = Files.newInputStream(path);
      if (!isGzip(path)) {
        return raw;
      }
      try {
        return new GZIPInputStream(raw, 1 << 16);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw new IOException("cannot read gzip file " + path + ": " + e.getMessage(), e);
      }
    }
    ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
    try {
      ZipEntry e = zip.getEntry(entry);
      if (e == null) {
        throw new IOException("entry '" + entry + "' disappeared from zip " + path);
      }
      return new ZipEntryStream(zip, zip.getInputStream(e));
    } catch (IOException | RuntimeException ex) {
      zip.close();
      throw ex;
    }
  }

  /**
   * Opens a buffered, strictly decoding reader. Reading throws {@link CorpusFormatException} (with
   * this source's {@link #toString()} and the line) at the first byte sequence invalid in the charset.
   */
  public BufferedReader openReader() throws IOException {
    return new BufferedReader(new StrictDecodingReader(openStream(), charset, toString()), 1 << 16);
  }

  /** A strictly decoding reader with its own 64K buffer but no line support. */
  Reader openUnbufferedReader() throws IOException {
    return new StrictDecodingReader(openStream(), charset, toString());
  }

  /** {@code path} for a plain file, {@code path!entry} for a zip entry. */
  @Override
  public String toString() {
    return entry == null ? path.toString() : path + "!" + entry;
  }

  private static boolean isGzip(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  private static void requireFile(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "path " + path + (Files.exists(path) ? " is not a regular file" : " does not exist")
              + "; expected a readable text or .zip file");
    }
  }

  private static List<String> entryNames(Path zipPath) {
    try (ZipFile zip = new ZipFile(zipPath.toFile(), StandardCharsets.UTF_8)) {
      List<String> names = new ArrayList<>();
      Enumeration<? extends ZipEntry> it = zip.entries();
      while (it.hasMoreElements()) {
        ZipEntry e = it.nextElement();
        if (!e.isDirectory()) {
          names.add(e.getName());
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read zip " + zipPath + ": " + e.getMessage(), e);
    }
  }

  /** An entry's stream that closes its archive too. */
  private static final class ZipEntryStream extends java.io.FilterInputStream {
    private final ZipFile zip;

    ZipEntryStream(ZipFile zip, InputStream in) {
      super(in);
      this.zip = zip;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        zip.close();
      }
    }
  }
}
