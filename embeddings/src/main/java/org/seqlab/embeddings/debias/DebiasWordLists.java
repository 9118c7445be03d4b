package org.seqlab.embeddings.debias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.seqlab.corpora.CorpusFormatException;

/**
 * The word lists released with hard debiasing (Bolukbasi et al. 2016, github.com/tolga-b/debiaswe,
 * MIT licence), read from a directory holding their JSON files.
 *
 * @param definitional pairs that define the bias direction, {@code definitional_pairs.json}, as
 *     [female, male]
 * @param equalize pairs to equalise, {@code equalize_pairs.json}
 * @param genderSpecific words that keep their gender component, {@code gender_specific_full.json}
 * @param professions professions with their definitional and stereotypical gender scores ({@code
 *     professions.json}; positive scores are male)
 */
public record DebiasWordLists(
    List<WordPair> definitional, List<WordPair> equalize, Set<String> genderSpecific, List<Profession> professions) {
  /** A profession and its two gender scores from the crowd-sourcing of the paper. */
  public record Profession(String word, double definitional, double stereotypical) {}

  public static final String DEFINITIONAL = "definitional_pairs.json";
  public static final String EQUALIZE = "equalize_pairs.json";
  public static final String GENDER_SPECIFIC = "gender_specific_full.json";
  public static final String PROFESSIONS = "professions.json";

  public DebiasWordLists {
    definitional = List.copyOf(definitional);
    equalize = List.copyOf(equalize);
    genderSpecific = Set.copyOf(genderSpecific);
    professions = List.copyOf(professions);
  }

  /** Reads the four files from {@code dir}. */
  public static DebiasWordLists read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("word-list directory " + dir + " does not exist; expected the debiaswe JSON files there");
    }
    return new DebiasWordLists(
        pairs(dir.resolve(DEFINITIONAL)), pairs(dir.resolve(EQUALIZE)), words(dir.resolve(GENDER_SPECIFIC)),
        professions(dir.resolve(PROFESSIONS)));
  }

  /** A JSON list of two-string lists. */
  public static List<WordPair> pairs(Path file) throws IOException {
    List<WordPair> out = new ArrayList<>();
    JsonNode root = array(file);
    for (int i = 0; i < root.size(); i++) {
      JsonNode p = root.get(i);
      if (!p.isArray() || p.size() != 2 || !p.get(0).isTextual() || !p.get(1).isTextual()) {
        throw new CorpusFormatException(file.toString(), 0, "element " + i + " must be a pair of strings, got " + p);
      }
      out.add(new WordPair(p.get(0).asText(), p.get(1).asText()));
    }
    return out;
  }

  /** A JSON list of strings, in file order without duplicates. */
  public static Set<String> words(Path file) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    JsonNode root = array(file);
    for (int i = 0; i < root.size(); i++) {
      if (!root.get(i).isTextual()) {
        throw new CorpusFormatException(file.toString(), 0, "element " + i + " must be a string, got " + root.get(i));
      }
      out.add(root.get(i).asText());
    }
    return out;
  }

  /** A JSON list of [word, definitional, stereotypical]. */
  public static List<Profession> professions(Path file) throws IOException {
    List<Profession> out = new ArrayList<>();
    JsonNode root = array(file);
    for (int i = 0; i < root.size(); i++) {
      JsonNode p = root.get(i);
      if (!p.isArray() || p.size() != 3 || !p.get(0).isTextual() || !p.get(1).isNumber() || !p.get(2).isNumber()) {
        throw new CorpusFormatException(file.toString(), 0, "element " + i + " must be [word, number, number], got " + p);
      }
      out.add(new Profession(p.get(0).asText(), p.get(1).asDouble(), p.get(2).asDouble()));
    }
    return out;
  }

  private static JsonNode array(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new CorpusFormatException(file.toString(), 0, "not valid UTF-8");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CorpusFormatException(
          file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw new CorpusFormatException(file.toString(), 0, "expected a JSON array");
    }
    return root;
  }
}
