package org.seqlab.corpora.datasets;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.Line;
import org.seqlab.corpora.TextSource;

/**
 * Two sentence-level sentiment datasets.
 *
 * <p><b>rt-polarity</b> (Pang and Lee, ACL 2005, "sentence polarity dataset v1.0"): {@code
 * rt-polarity.pos} and {@code rt-polarity.neg}, one lower-cased, pre-tokenized review snippet per line,
 * 5,331 of each. <b>Encoding:</b> Cornell distributes the files in Windows-1252, while the copy in
 * {@code shared/data} was re-encoded to UTF-8. {@link #rtPolarity(Path)} decodes a file strictly as
 * UTF-8 when it is valid UTF-8, and otherwise as Windows-1252 (a superset of Latin-1 with curly quotes
 * and dashes in 0x80–0x9F). {@link #rtPolarity(Path, Charset)} fixes the charset instead. Labels:
 * {@link #NEGATIVE}=0, {@link #POSITIVE}=1; the negatives come first. There is no official split; the
 * usual protocol is 10-fold cross-validation ({@link DataSplit#kFold}).
 *
 * <p><b>emojify</b> (deeplearning.ai Sequence Models): CSV rows {@code sentence,label[,...]}, labels
 * 0–4 = {@link #EMOJI_NAMES}. The training file has 4 columns; the test file quotes the sentence with a
 * trailing TAB. Only columns 1–2 are used and the sentence is stripped.
 */
public final class SentimentData {
  public static final int NEGATIVE = 0;
  public static final int POSITIVE = 1;

  /** Emojify's classes by label: 0 heart, 1 baseball, 2 smile, 3 disappointed, 4 fork and knife. */
  public static final List<String> EMOJI_NAMES =
      List.of("heart", "baseball", "smile", "disappointed", "fork_and_knife");

  /** Cornell's original encoding of rt-polarity. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private SentimentData() {}

  /**
   * rt-polarity from {@code dir} (holding {@code rt-polarity.pos} and {@code .neg}), each file decoded
   * as UTF-8 if valid, else Windows-1252.
   */
  public static List<LabeledText> rtPolarity(Path dir) {
    return rtPolarity(dir, null);
  }

  /**
   * rt-polarity decoded with {@code charset}, or detected per file when null.
   *
   * @throws IllegalArgumentException if a file is missing or empty
   * @throws CorpusFormatException if a file is not valid in the given charset (path and line)
   */
  public static List<LabeledText> rtPolarity(Path dir, Charset charset) {
    List<LabeledText> out = new ArrayList<>();
    readPolarity(dir.resolve("rt-polarity.neg"), charset, NEGATIVE, out);
    readPolarity(dir.resolve("rt-polarity.pos"), charset, POSITIVE, out);
    return List.copyOf(out);
  }

  /** UTF-8 if the whole file decodes strictly as UTF-8, else {@link #WINDOWS_1252}. */
  public static Charset detectCharset(Path file) {
    try {
      Texts.readAll(TextSource.of(file));
      return StandardCharsets.UTF_8;
    } catch (CorpusFormatException e) {
      return WINDOWS_1252;
    }
  }

  private static void readPolarity(Path file, Charset charset, int label, List<LabeledText> out) {
    Charset cs = charset != null ? charset : detectCharset(file);
    for (Line l : Texts.lines(TextSource.of(file).withCharset(cs))) {
      String text = l.text().strip();
      if (!text.isEmpty()) {
        out.add(new LabeledText(text, label));
      }
    }
  }

  /**
   * The rows of an emojify CSV file ({@code train_emoji.csv}, {@code tesss.csv}, {@code
   * emojify_data.csv}).
   *
   * @throws IllegalArgumentException if the file is missing or empty
   * @throws CorpusFormatException for a row with fewer than 2 columns or a label outside 0–4
   */
  public static List<LabeledText> emojify(Path csv) {
    Objects.requireNonNull(csv, "csv");
    TextSource source = TextSource.of(csv);
    List<LabeledText> out = new ArrayList<>();
    for (Line l : Texts.lines(source)) {
      if (l.text().isBlank()) {
        continue;
      }
      List<String> f = Csv.split(l.text(), source.toString(), l.number());
      if (f.size() < 2) {
        throw new CorpusFormatException(source.toString(), l.number(),
            "expected at least 2 CSV columns (sentence,label), got " + f.size());
      }
      out.add(new LabeledText(f.get(0).strip(), emojiLabel(f.get(1).strip(), source, l.number())));
    }
    return List.copyOf(out);
  }

  private static int emojiLabel(String field, TextSource source, long line) {
    try {
      int label = Integer.parseInt(field);
      if (label >= 0 && label < EMOJI_NAMES.size()) {
        return label;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CorpusFormatException(source.toString(), line,
        "expected a label in 0.." + (EMOJI_NAMES.size() - 1) + ", got '" + field + "'");
  }
}
