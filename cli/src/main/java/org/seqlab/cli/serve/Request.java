package org.seqlab.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed request: its raw body (read up to a size limit), the query parameters, and typed
 * accessors for the fields of a JSON body that answer with a 400 naming the field when it is
 * missing or of the wrong type.
 */
final class Request {
  private final HttpExchange exchange;
  private final byte[] body;
  private final Map<String, String> query;
  private JsonNode json;

  private Request(HttpExchange exchange, byte[] body, Map<String, String> query) {
    this.exchange = exchange;
    this.body = body;
    this.query = query;
  }

  /**
   * Reads the body, refusing more than {@code maxBytes} with 413 (from the Content-Length header
   * before reading anything when the client sends one).
   */
  static Request read(HttpExchange ex, long maxBytes) throws IOException {
    String len = ex.getRequestHeaders().getFirst("Content-Length");
    if (len != null) {
      long n;
      try {
        n = Long.parseLong(len.trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("Content-Length is not a number: '" + len + "'");
      }
      if (n > maxBytes) {
        throw new ApiException(413, "request body of " + n + " bytes is over the limit of " + maxBytes + " bytes");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = ex.getRequestBody()) {
      byte[] buf = new byte[8192];
      long total = 0;
      for (int r; (r = in.read(buf)) > 0; ) {
        total += r;
        if (total > maxBytes) {
          throw new ApiException(413, "request body is over the limit of " + maxBytes + " bytes");
        }
        out.write(buf, 0, r);
      }
    }
    return new Request(ex, out.toByteArray(), parseQuery(ex.getRequestURI().getRawQuery()));
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      m.put(k, v);
    }
    return m;
  }

  byte[] body() {
    return body;
  }

  String contentType() {
    String ct = exchange.getRequestHeaders().getFirst("Content-Type");
    return ct == null ? "" : ct.toLowerCase(Locale.ROOT).trim();
  }

  Map<String, String> query() {
    return query;
  }

  /** The body as a JSON object; 415 for a non-JSON content type, 400 for malformed JSON. */
  JsonNode json(ObjectMapper mapper) {
    if (json != null) {
      return json;
    }
    String ct = contentType();
    if (!ct.isEmpty() && !ct.startsWith("application/json")) {
      throw new ApiException(415, "expected Content-Type application/json, got '" + ct + "'");
    }
    if (body.length == 0) {
      throw ApiException.badRequest("the request body is empty; expected a JSON object");
    }
    try {
      JsonNode n = mapper.readTree(new String(body, StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        throw ApiException.badRequest("expected a JSON object, got " + (n == null ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
      json = n;
      return n;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ApiException.badRequest("malformed JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  /** A required non-blank string field. */
  static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      throw ApiException.badRequest("missing field '" + field + "'");
    }
    if (!n.isTextual()) {
      throw ApiException.badRequest("field '" + field + "' must be a string, got " + n.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (n.asText().isBlank()) {
      throw ApiException.badRequest("field '" + field + "' is empty");
    }
    return n.asText();
  }

  /** An optional string field, or {@code def}. */
  static String optText(JsonNode o, String field, String def) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return def;
    }
    return text(o, field);
  }

  /** An optional integer field in {@code [min, max]}, or {@code def}. */
  static int optInt(JsonNode o, String field, int def, int min, int max) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw ApiException.badRequest("field '" + field + "' must be an integer, got " + n);
    }
    int v = n.asInt();
    if (v < min || v > max) {
      throw ApiException.badRequest("field '" + field + "' must be in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }

  /** An optional number field in {@code [min, max]}, or {@code def}. */
  static double optDouble(JsonNode o, String field, double def, double min, double max) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isNumber()) {
      throw ApiException.badRequest("field '" + field + "' must be a number, got " + n);
    }
    double v = n.asDouble();
    if (!(v >= min && v <= max)) {
      throw ApiException.badRequest("field '" + field + "' must be in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }

  /** An optional boolean field, or {@code def}. */
  static boolean optBool(JsonNode o, String field, boolean def) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isBoolean()) {
      throw ApiException.badRequest("field '" + field + "' must be true or false, got " + n);
    }
    return n.asBoolean();
  }

  /** A required non-empty array of strings (each non-null; blank strings allowed only if {@code allowBlank}). */
  static List<String> texts(JsonNode o, String field, int maxItems, boolean allowBlank) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      throw ApiException.badRequest("missing field '" + field + "'");
    }
    if (!n.isArray()) {
      throw ApiException.badRequest("field '" + field + "' must be an array of strings");
    }
    if (n.isEmpty()) {
      throw ApiException.badRequest("field '" + field + "' is an empty array");
    }
    if (n.size() > maxItems) {
      throw new ApiException(413, "field '" + field + "' has " + n.size() + " items; at most " + maxItems + " per request");
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw ApiException.badRequest("field '" + field + "'[" + i + "] must be a string, got " + e.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      if (!allowBlank && e.asText().isBlank()) {
        throw ApiException.badRequest("field '" + field + "'[" + i + "] is empty");
      }
      out.add(e.asText());
    }
    return out;
  }

  private static String queryValue(Map<String, String> q, String key) {
    String v = q.get(key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** An optional integer query parameter in {@code [min, max]}, or {@code def}; 400 naming it otherwise. */
  static int queryInt(Map<String, String> q, String key, int def, int min, int max) {
    String v = queryValue(q, key);
    if (v == null) {
      return def;
    }
    int x;
    try {
      x = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter '" + key + "' must be an integer, got '" + v + "'");
    }
    if (x < min || x > max) {
      throw ApiException.badRequest("query parameter '" + key + "' must be in [" + min + ", " + max + "], got " + x);
    }
    return x;
  }

  /** An optional number query parameter in {@code [min, max]}, or {@code def}. */
  static double queryDouble(Map<String, String> q, String key, double def, double min, double max) {
    String v = queryValue(q, key);
    if (v == null) {
      return def;
    }
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter '" + key + "' must be a number, got '" + v + "'");
    }
    if (!(x >= min && x <= max)) {
      throw ApiException.badRequest("query parameter '" + key + "' must be in [" + min + ", " + max + "], got " + v);
    }
    return x;
  }

  /** An optional {@code true/false/1/0} query parameter, or {@code def}. */
  static boolean queryBool(Map<String, String> q, String key, boolean def) {
    String v = queryValue(q, key);
    if (v == null) {
      return def;
    }
    return switch (v) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw ApiException.badRequest("query parameter '" + key + "' must be true or false, got '" + v + "'");
    };
  }
}
