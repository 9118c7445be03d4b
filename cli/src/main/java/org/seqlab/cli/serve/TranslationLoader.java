package org.seqlab.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.seqlab.attention.Seq2SeqFiles;
import org.seqlab.attention.Translator;

/**
 * A translation model directory ({@code model.params}, {@code source.vocab}, {@code target.vocab}):
 * {@link Translator#load} checks the format version, the parameter file's CRC32 and that the
 * vocabularies are the model's own; the SHA-256 of {@code model.params} is what {@code GET /models}
 * reports.
 */
final class TranslationLoader implements ModelLoader {
  @Override
  public Optional<ServedModel> load(Path entry) throws IOException {
    if (!Files.isDirectory(entry) || !Files.exists(entry.resolve(Seq2SeqFiles.PARAMS))) {
      return Optional.empty();
    }
    Translator t = Translator.load(entry);
    return Optional.of(new ServedModel(ModelRegistry.baseName(entry), ServedModel.Kind.TRANSLATION, Seq2SeqFiles.FORMAT_VERSION,
        t.model().config().signature(), "sha256:" + sha256(entry.resolve(Seq2SeqFiles.PARAMS)), entry, t));
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
