package org.seqlab.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chunk encoding a tagger is trained on. Data and predictions are IOB2 ({@code B-X} starts a
 * chunk, {@code I-X} continues it); {@link #IOBES} additionally marks a chunk's last token
 * {@code E-X} and a one-token chunk {@code S-X} (Ratinov and Roth 2009 call it BILOU), so the
 * output layer sees where chunks end. Both describe the same spans, so {@link #toIob2} of
 * {@link #encode} is the identity on valid IOB2.
 */
public enum TagScheme {
  IOB2,
  IOBES;

  /** Parses {@code iob2} or {@code iobes} (any case). */
  public static TagScheme parse(String s) {
    for (TagScheme t : values()) {
      if (t.name().equalsIgnoreCase(s.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown tag scheme '" + s + "' (expected iob2 or iobes)");
  }

  /**
   * The IOB2 tags {@code iob2} in this scheme.
   *
   * @throws IllegalArgumentException naming the position of a tag that is not {@code O},
   *     {@code B-X} or {@code I-X}, or of an {@code I-X} that continues no {@code X} chunk
   */
  public List<String> encode(List<String> iob2) {
    List<String> out = new ArrayList<>(iob2.size());
    for (int i = 0; i < iob2.size(); i++) {
      String t = iob2.get(i);
      if (t.equals("O")) {
        out.add(t);
        continue;
      }
      char kind = kind(t, i);
      if (kind != 'B' && kind != 'I') {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "tag %d '%s' is not O, B-TYPE or I-TYPE", i, t));
      }
      String type = t.substring(2);
      if (kind == 'I' && (i == 0 || iob2.get(i - 1).equals("O") || !iob2.get(i - 1).substring(2).equals(type))) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "tag %d '%s' continues no %s chunk (not IOB2; convert IOB1 first)", i, t, type));
      }
      if (this == IOB2) {
        out.add(t);
        continue;
      }
      boolean continues = i + 1 < iob2.size() && iob2.get(i + 1).equals("I-" + type);
      out.add((kind == 'B' ? (continues ? "B-" : "S-") : (continues ? "I-" : "E-")) + type);
    }
    return out;
  }

  /**
   * IOB2 for tags of either scheme: {@code S-X} becomes {@code B-X} and {@code E-X} becomes
   * {@code I-X}; {@code O}, {@code B-X} and {@code I-X} are kept (a decoder's stray {@code I-X}
   * after {@code O} stays, and span scoring treats it as a chunk start, as conlleval does).
   */
  public static List<String> toIob2(List<String> tags) {
    List<String> out = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      String t = tags.get(i);
      if (t.equals("O")) {
        out.add(t);
        continue;
      }
      char kind = kind(t, i);
      if ("BISE".indexOf(kind) < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "tag %d '%s' is not O, B-, I-, E- or S-TYPE", i, t));
      }
      out.add(iob2(t));
    }
    return out;
  }

  /** One tag in IOB2: {@code S-X} as {@code B-X}, {@code E-X} as {@code I-X}, any other tag unchanged. */
  static String iob2(String tag) {
    if (tag.length() > 2 && tag.charAt(1) == '-' && (tag.charAt(0) == 'S' || tag.charAt(0) == 'E')) {
      return (tag.charAt(0) == 'S' ? "B" : "I") + tag.substring(1);
    }
    return tag;
  }

  private static char kind(String t, int i) {
    if (t.length() < 3 || t.charAt(1) != '-') {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "tag %d '%s' is not O or K-TYPE", i, t));
    }
    return t.charAt(0);
  }
}
