package org.seqlab.embeddings.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.seqlab.core.io.AtomicFiles;
import org.seqlab.corpora.CorpusFormatException;

/**
 * The small JSON file {@code <vectors>.seqlab.json} written next to a vectors file: the seqlab
 * format version, the vectors' format, the config signature of whatever produced them, the SHA-256
 * of the vectors file, and N and D. When present it is checked on load, so a truncated, edited or
 * swapped vectors file is caught; the word2vec/GloVe file itself stays readable by other tools.
 *
 * @param version the sidecar format version ({@link #VERSION} when written by this code)
 * @param format the vectors file's format
 * @param signature the producer's config signature, e.g. {@code sgns|dim:100|win:5|...}
 * @param sha256 lower-case hex SHA-256 of the vectors file's bytes
 * @param vocabSize N
 * @param dim D
 */
public record VectorsSidecar(int version, VectorsFormat format, String signature, String sha256, int vocabSize, int dim) {
  /** The sidecar format version written; versions 1..VERSION are read. */
  public static final int VERSION = 1;

  /** The {@code "kind"} field that identifies a sidecar. */
  public static final String KIND = "seqlab-word-vectors-sidecar";

  /** The suffix appended to the vectors file's name. */
  public static final String SUFFIX = ".seqlab.json";

  public VectorsSidecar {
    if (signature == null || format == null || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("signature and format must be set and sha256 must be 64 hex digits, got " + sha256);
    }
  }

  /** Where the sidecar of {@code vectors} lives. */
  public static Path pathFor(Path vectors) {
    return vectors.resolveSibling(vectors.getFileName() + SUFFIX);
  }

  /** Writes the sidecar for {@code vectors} atomically. */
  void write(Path vectors) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("kind", KIND);
    o.put("version", version);
    o.put("format", format.id());
    o.put("signature", signature);
    o.put("sha256", sha256);
    o.put("vocabSize", vocabSize);
    o.put("dim", dim);
    byte[] json = (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(pathFor(vectors), out -> out.write(json));
  }

  /**
   * Reads the sidecar of {@code vectors}, if there is one.
   *
   * @throws CorpusFormatException naming the sidecar for malformed JSON, a missing field or a newer version
   */
  public static Optional<VectorsSidecar> read(Path vectors) throws IOException {
    Path p = pathFor(vectors);
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    JsonNode o;
    try {
      o = new ObjectMapper().readTree(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CorpusFormatException(p.toString(), 0, "not valid JSON: " + e.getMessage());
    }
    if (o == null || !KIND.equals(o.path("kind").asText())) {
      throw new CorpusFormatException(p.toString(), 0, "expected a JSON object with \"kind\": \"" + KIND + "\"");
    }
    int version = o.path("version").asInt(-1);
    if (version < 1 || version > VERSION) {
      throw new CorpusFormatException(
          p.toString(), 0, "sidecar version " + version + " is not supported; this seqlab reads versions 1 to " + VERSION);
    }
    for (String f : new String[] {"format", "signature", "sha256", "vocabSize", "dim"}) {
      if (!o.hasNonNull(f)) {
        throw new CorpusFormatException(p.toString(), 0, "missing field \"" + f + "\"");
      }
    }
    try {
      return Optional.of(
          new VectorsSidecar(
              version, VectorsFormat.fromId(o.get("format").asText()), o.get("signature").asText(),
              o.get("sha256").asText(), o.get("vocabSize").asInt(), o.get("dim").asInt()));
    } catch (IllegalArgumentException e) {
      throw new CorpusFormatException(p.toString(), 0, e.getMessage());
    }
  }

  /** The lower-case hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // the digest sees every byte read
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
