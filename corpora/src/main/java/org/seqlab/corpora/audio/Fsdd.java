package org.seqlab.corpora.audio;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Free Spoken Digit Dataset (Jackson et al., Jakobovski/free-spoken-digit-dataset): 3,000 8 kHz
 * mono 16-bit recordings {@code recordings/{digit}_{speaker}_{take}.wav}, listed with byte counts
 * and SHA-256 in {@code MANIFEST.tsv}. The files are read where they are, when asked for; nothing is
 * copied. The official split puts takes 0-4 in the test set and 5-49 in training.
 */
public final class Fsdd {
  private static final Pattern NAME = Pattern.compile("recordings/(\\d)_([a-z]+)_(\\d+)\\.wav");

  /**
   * One recording.
   *
   * @param path the WAV file
   * @param digit the spoken digit, 0-9
   * @param speaker the speaker's name
   * @param take the take index, 0-49
   * @param bytes the file size the manifest gives
   */
  public record Recording(Path path, int digit, String speaker, int take, long bytes) {
    /** Whether the official split puts this recording in the test set (takes 0-4). */
    public boolean officialTest() {
      return take <= 4;
    }

    /**
     * Reads the audio, checking the file size against the manifest first.
     *
     * @throws IOException naming the file when it is missing, of another size, or not a valid WAV
     */
    public Audio read() throws IOException {
      long size;
      try {
        size = Files.size(path);
      } catch (NoSuchFileException e) {
        throw new IOException(path + ": listed in MANIFEST.tsv but missing", e);
      }
      if (size != bytes) {
        throw new IOException(path + ": " + size + " bytes, MANIFEST.tsv says " + bytes + " (truncated or modified copy)");
      }
      return Wav.read(path);
    }
  }

  private Fsdd() {}

  /**
   * Lists the recordings of the dataset at {@code dir} (the folder holding {@code MANIFEST.tsv}).
   *
   * @throws IOException when the manifest is missing (the message says how to point at the data),
   *     not UTF-8, or has a malformed line (named by number)
   */
  public static List<Recording> load(Path dir) throws IOException {
    Path manifest = dir.resolve("MANIFEST.tsv");
    if (!Files.isRegularFile(manifest)) {
      throw new IOException("FSDD not found: no MANIFEST.tsv in " + dir + " (set SEQLAB_DATA to the folder holding fsdd/)");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(manifest))).toString();
    } catch (CharacterCodingException e) {
      throw new IOException(manifest + ": not valid UTF-8", e);
    }
    List<Recording> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 1; i < lines.length; i++) { // line 1 is the header
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t");
      Matcher m = f.length == 3 ? NAME.matcher(f[0]) : null;
      if (m == null || !m.matches()) {
        throw new IOException(manifest + ", line " + (i + 1) + ": expected 'recordings/D_speaker_N.wav<TAB>bytes<TAB>sha256', got '" + line + "'");
      }
      long bytes;
      try {
        bytes = Long.parseLong(f[1]);
      } catch (NumberFormatException e) {
        throw new IOException(manifest + ", line " + (i + 1) + ": byte count '" + f[1] + "' is not a number", e);
      }
      out.add(new Recording(dir.resolve(f[0]), Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)), bytes));
    }
    if (out.isEmpty()) {
      throw new IOException(manifest + ": lists no recordings");
    }
    return List.copyOf(out);
  }
}
