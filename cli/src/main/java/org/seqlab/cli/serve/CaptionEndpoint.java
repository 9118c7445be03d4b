package org.seqlab.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import org.seqlab.attention.caption.Caption;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.attention.caption.DecodeOptions;
import org.seqlab.attention.caption.Images;

/**
 * {@code POST /caption}: the body is the image itself (PNG, JPEG, GIF or BMP; {@code curl
 * --data-binary @photo.png}) with options in the query ({@code ?model=&beam=5&alpha=0.7&attention=true}),
 * or a JSON object {@code {"image": base64, "model", "beam", "alpha", "attention"}}. One loaded
 * {@link CaptionModel} (thread-safe) serves every request for its model.
 */
final class CaptionEndpoint {
  static final int MAX_BEAM = 32;

  private CaptionEndpoint() {}

  static void register(SeqlabServer s, ModelRegistry models, SeqlabServer.Config config) {
    s.route("POST", "/caption", config.maxImageBytes(), r -> caption(models, r));
  }

  static JsonNode caption(ModelRegistry models, Request r) throws IOException {
    String name;
    int beam;
    double alpha;
    boolean attention;
    byte[] image;
    if (r.contentType().startsWith("application/json")) {
      JsonNode o = r.json(SeqlabServer.JSON);
      name = Request.optText(o, "model", null);
      beam = Request.optInt(o, "beam", 5, 1, MAX_BEAM);
      alpha = Request.optDouble(o, "alpha", 0.7, 0, 10);
      attention = Request.optBool(o, "attention", false);
      try {
        image = Base64.getMimeDecoder().decode(Request.text(o, "image"));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("field 'image' is not base64: " + e.getMessage());
      }
    } else {
      Map<String, String> q = r.query();
      name = q.get("model");
      beam = Request.queryInt(q, "beam", 5, 1, MAX_BEAM);
      alpha = Request.queryDouble(q, "alpha", 0.7, 0, 10);
      attention = Request.queryBool(q, "attention", false);
      image = r.body();
    }
    if (image.length == 0) {
      throw ApiException.badRequest("no image: send the image bytes as the body (curl --data-binary @photo.png)"
          + " or a JSON object with a base64 \"image\"");
    }
    ServedModel m = models.get(ServedModel.Kind.CAPTION, name);
    BufferedImage img;
    try {
      img = Images.decode(image, "request body");
    } catch (IOException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    DecodeOptions opts = (beam == 1 ? DecodeOptions.greedy() : DecodeOptions.beam(beam).withAlpha(alpha))
        .withAttentionMaps(attention);
    Caption c = m.as(CaptionModel.class).describe(img, opts);
    ObjectNode res = SeqlabServer.JSON.createObjectNode();
    res.put("model", m.name());
    res.put("options", opts.signature());
    res.put("width", img.getWidth());
    res.put("height", img.getHeight());
    res.put("caption", c.text());
    ArrayNode toks = res.putArray("tokens");
    c.tokens().forEach(toks::add);
    res.put("log_prob", c.logProb());
    res.put("score", c.score());
    if (attention && c.attention() != null) {
      res.put("grid_size", c.gridSize());
      ArrayNode att = res.putArray("attention");
      for (double[] row : c.attention()) {
        ArrayNode a = att.addArray();
        for (double v : row) {
          a.add((float) v);
        }
      }
    }
    return res;
  }
}
