package org.seqlab.sequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable id-ordered list of tokens (words, characters or tags) saved inside model files: id
 * {@code i} is {@code tokens().get(i)}. An optional unknown token receives every unseen string;
 * without one, {@link #id(String)} rejects unseen strings.
 *
 * <p>Serialised form ({@link #serialize()}): a header line {@code tokens v1 n=<size> unk=<id or
 * -1>}, then one token per line, with backslash written {@code \\} and newline {@code \n}.
 */
public final class TokenTable {
  private static final String HEADER = "tokens v1";

  private final List<String> tokens;
  private final Map<String, Integer> ids;
  private final int unknown;

  private TokenTable(List<String> tokens, int unknown) {
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>(tokens.size() * 4 / 3 + 1);
    for (int i = 0; i < this.tokens.size(); i++) {
      String t = this.tokens.get(i);
      if (t.isEmpty()) {
        throw new IllegalArgumentException("token " + i + " is empty; tokens must be non-empty");
      }
      if (ids.put(t, i) != null) {
        throw new IllegalArgumentException("token '" + t + "' appears twice (ids " + ids.get(t) + " and " + i + ")");
      }
    }
    if (unknown < -1 || unknown >= this.tokens.size()) {
      throw new IllegalArgumentException("unknown id must be -1 or in [0, " + this.tokens.size() + "), got " + unknown);
    }
    this.unknown = unknown;
  }

  /**
   * @param tokens the tokens in id order, distinct and non-empty
   * @param unknownToken one of them, receiving every unseen string, or null for none
   */
  public static TokenTable of(List<String> tokens, String unknownToken) {
    Objects.requireNonNull(tokens, "tokens");
    int unk = unknownToken == null ? -1 : tokens.indexOf(unknownToken);
    if (unknownToken != null && unk < 0) {
      throw new IllegalArgumentException("unknown token '" + unknownToken + "' is not among the " + tokens.size() + " tokens");
    }
    return new TokenTable(tokens, unk);
  }

  public int size() {
    return tokens.size();
  }

  public List<String> tokens() {
    return tokens;
  }

  public String token(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IllegalArgumentException("id " + id + " is outside [0, " + tokens.size() + ")");
    }
    return tokens.get(id);
  }

  /** The id of the unknown token, or -1. */
  public int unknownId() {
    return unknown;
  }

  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /**
   * @throws IllegalArgumentException for an unseen token when there is no unknown token
   */
  public int id(String token) {
    Integer i = ids.get(token);
    if (i != null) {
      return i;
    }
    if (unknown < 0) {
      throw new IllegalArgumentException("unknown token '" + token + "'; expected one of " + tokens.size() + " known tokens");
    }
    return unknown;
  }

  public int[] encode(List<String> tokens) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(tokens.get(i));
    }
    return out;
  }

  /** The form stored in model metadata. */
  public String serialize() {
    StringBuilder sb = new StringBuilder(HEADER + " n=" + tokens.size() + " unk=" + unknown);
    for (String t : tokens) {
      sb.append('\n').append(t.replace("\\", "\\\\").replace("\n", "\\n"));
    }
    return sb.toString();
  }

  /**
   * Parses {@link #serialize()}.
   *
   * @throws IllegalArgumentException naming what is wrong (header, count, escape, duplicate)
   */
  public static TokenTable parse(String s) {
    String[] lines = s.split("\n", -1);
    String[] head = lines[0].split(" ");
    if (head.length != 4 || !(head[0] + " " + head[1]).equals(HEADER) || !head[2].startsWith("n=") || !head[3].startsWith("unk=")) {
      throw new IllegalArgumentException("token table header must be '" + HEADER + " n=N unk=K', got '" + lines[0] + "'");
    }
    int n;
    int unk;
    try {
      n = Integer.parseInt(head[2].substring(2));
      unk = Integer.parseInt(head[3].substring(4));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("token table header has a bad number: '" + lines[0] + "'", e);
    }
    if (lines.length - 1 != n) {
      throw new IllegalArgumentException("token table announces " + n + " tokens but holds " + (lines.length - 1));
    }
    List<String> tokens = new ArrayList<>(n);
    for (int i = 1; i < lines.length; i++) {
      tokens.add(unescape(lines[i], i - 1));
    }
    return new TokenTable(tokens, unk);
  }

  private static String unescape(String s, int entry) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (next == '\\') {
        sb.append('\\');
      } else if (next == 'n') {
        sb.append('\n');
      } else {
        throw new IllegalArgumentException("token " + entry + " '" + s + "' has a bad escape at " + i);
      }
      i++;
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenTable t && t.tokens.equals(tokens) && t.unknown == unknown;
  }

  @Override
  public int hashCode() {
    return tokens.hashCode() * 31 + unknown;
  }

  @Override
  public String toString() {
    return "TokenTable[" + tokens.size() + " tokens, unk=" + unknown + "]";
  }
}
