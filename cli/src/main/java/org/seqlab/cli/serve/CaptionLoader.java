package org.seqlab.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.attention.caption.CaptionModelFormat;
import org.seqlab.core.io.ParameterFile;

/**
 * A caption model file: a seqlab parameter file (magic {@code SEQLABPF}) whose metadata says
 * {@code format = seqlab-caption}. Other parameter files (language models, taggers) are left to other
 * loaders. {@link CaptionModel#load} checks the CRC32, the format version and that tensors and
 * vocabulary match the configuration; a corrupt file stops the server from starting.
 */
final class CaptionLoader implements ModelLoader {
  private static final byte[] MAGIC = "SEQLABPF".getBytes(StandardCharsets.US_ASCII);

  @Override
  public Optional<ServedModel> load(Path entry) throws IOException {
    if (!Files.isRegularFile(entry) || !startsWithMagic(entry)) {
      return Optional.empty();
    }
    // the whole file is CRC-checked here; a damaged file fails with its path and the reason
    ParameterFile.Contents contents = ParameterFile.read(entry);
    if (!CaptionModelFormat.isCaptionModel(contents)) {
      return Optional.empty();
    }
    CaptionModel m = CaptionModelFormat.read(entry, contents); // the file is read once
    return Optional.of(new ServedModel(ModelRegistry.baseName(entry), ServedModel.Kind.CAPTION,
        CaptionModelFormat.FORMAT_VERSION, m.signature(), "sha256:" + TranslationLoader.sha256(entry), entry, m));
  }

  private static boolean startsWithMagic(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }
}
