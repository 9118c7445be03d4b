package org.seqlab.cli.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.sequence.CharLanguageModel;
import org.seqlab.sequence.WordLanguageModel;

/** A character or word language model file, told apart by its {@code format} metadata. */
record LoadedLm(CharLanguageModel chars, WordLanguageModel words) {
  static LoadedLm load(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    String format = ParameterFile.read(path).metadata().get("format");
    if (CharLanguageModel.FORMAT.equals(format)) {
      return new LoadedLm(CharLanguageModel.load(path), null);
    }
    if (WordLanguageModel.FORMAT.equals(format)) {
      return new LoadedLm(null, WordLanguageModel.load(path));
    }
    throw new IOException(path + ": not a language model (format '" + format + "', expected '"
        + CharLanguageModel.FORMAT + "' or '" + WordLanguageModel.FORMAT + "')");
  }

  String describe() {
    return chars != null
        ? "character LM " + chars.config().signature() + ", " + chars.vocabulary().size() + " symbols"
        : "word LM " + words.config().signature() + ", " + words.vocabulary().size() + " words";
  }
}
