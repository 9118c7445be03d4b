package org.seqlab.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.seqlab.embeddings.io.VectorsSidecar;

/**
 * The models a server answers with, loaded once at start-up from one directory and immutable
 * afterwards (so lookups need no locking). Every entry of the directory is offered to the loaders in
 * turn; an entry of a known kind that fails to load or to verify stops the start-up with its path
 * and the reason, so a server never runs with a model silently missing.
 */
final class ModelRegistry {
  private final Path directory;
  private final Map<ServedModel.Kind, Map<String, ServedModel>> byKind = new EnumMap<>(ServedModel.Kind.class);
  private final List<String> skipped = new ArrayList<>();

  private ModelRegistry(Path directory) {
    this.directory = directory;
    for (ServedModel.Kind k : ServedModel.Kind.values()) {
      byKind.put(k, new LinkedHashMap<>());
    }
  }

  /** The default loaders: word vectors, translation models and caption models. */
  static List<ModelLoader> defaultLoaders() {
    return List.of(new VectorsLoader(), new TranslationLoader(), new CaptionLoader());
  }

  static ModelRegistry load(Path directory, List<ModelLoader> loaders) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("models directory " + directory + " does not exist or is not a directory");
    }
    ModelRegistry r = new ModelRegistry(directory);
    List<Path> entries;
    try (Stream<Path> s = Files.list(directory)) {
      entries = s.sorted().toList();
    }
    for (Path e : entries) {
      String file = e.getFileName().toString();
      if (file.startsWith(".") || file.endsWith(VectorsSidecar.SUFFIX) || file.endsWith(".tmp")) {
        continue;
      }
      ServedModel m = null;
      for (ModelLoader l : loaders) {
        Optional<ServedModel> got;
        try {
          got = l.load(e);
        } catch (IOException | RuntimeException ex) {
          throw new IOException("cannot serve " + e + ": " + ex.getMessage(), ex);
        }
        if (got.isPresent()) {
          m = got.get();
          break;
        }
      }
      if (m == null) {
        r.skipped.add(file);
        continue;
      }
      ServedModel clash = r.byKind.get(m.kind()).putIfAbsent(m.name(), m);
      if (clash != null) {
        throw new IOException("two " + m.kind().label() + " models are named '" + m.name() + "': " + clash.path() + " and " + m.path());
      }
    }
    return r;
  }

  /** A file's name without its last extension ({@code text8.bin -> text8}); a directory's name. */
  static String baseName(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return Files.isDirectory(p) || dot <= 0 ? n : n.substring(0, dot);
  }

  Path directory() {
    return directory;
  }

  /** Entries that no loader recognised. */
  List<String> skipped() {
    return List.copyOf(skipped);
  }

  List<ServedModel> all() {
    List<ServedModel> out = new ArrayList<>();
    byKind.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  int size() {
    return byKind.values().stream().mapToInt(Map::size).sum();
  }

  /**
   * The model of {@code kind} named {@code name}; when {@code name} is null, the only one of that
   * kind. 404 when there is none, 400 when the name is needed to choose.
   */
  ServedModel get(ServedModel.Kind kind, String name) {
    Map<String, ServedModel> m = byKind.get(kind);
    if (m.isEmpty()) {
      throw ApiException.notFound("no " + kind.label() + " model is loaded (models directory " + directory + ")");
    }
    if (name == null) {
      if (m.size() > 1) {
        throw ApiException.badRequest(
            "several " + kind.label() + " models are loaded, " + m.keySet() + "; choose one with \"model\"");
      }
      return m.values().iterator().next();
    }
    ServedModel s = m.get(name);
    if (s == null) {
      throw ApiException.notFound("unknown " + kind.label() + " model '" + name + "'; loaded: " + m.keySet());
    }
    return s;
  }
}
