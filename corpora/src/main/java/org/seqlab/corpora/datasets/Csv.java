package org.seqlab.corpora.datasets;

import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;

/**
 * Splits one CSV line into fields (RFC 4180 quoting: {@code "a,b"} is one field, {@code ""} inside
 * quotes is a quote). Fields cannot span lines.
 */
final class Csv {
  private Csv() {}

  static List<String> split(String line, String source, long lineNumber) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new CorpusFormatException(source, lineNumber,
          "unclosed quote; expected a closing '\"' before the end of the line");
    }
    out.add(field.toString());
    return out;
  }
}
