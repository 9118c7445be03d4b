package org.seqlab.attention.caption;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of a caption model.
 *
 * @param variant the decoder
 * @param imageSize side of the square input images in pixels; divisible by {@code 2^channels.size()}
 * @param channels output channels of each convolution block (3x3 convolution, batch norm, ReLU, 2x2
 *     max pooling), e.g. {@code [16, 32, 64]}
 * @param embedDim word embedding width
 * @param hiddenSize LSTM state width
 * @param attentionDim hidden width of the additive attention (used by {@link
 *     CaptionVariant#SHOW_ATTEND_AND_TELL} only)
 * @param dropout dropout on the decoder's inputs and outputs in training, in {@code [0, 1)}
 */
public record CaptionModelConfig(
    CaptionVariant variant, int imageSize, List<Integer> channels, int embedDim, int hiddenSize, int attentionDim,
    double dropout) {
  public CaptionModelConfig {
    Objects.requireNonNull(variant, "variant");
    channels = List.copyOf(channels);
    if (channels.isEmpty() || channels.size() > 5 || channels.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("channels must be 1 to 5 positive counts, got " + channels);
    }
    int div = 1 << channels.size();
    if (imageSize < 2 * div || imageSize % div != 0) {
      throw new IllegalArgumentException(
          "imageSize must be a multiple of " + div + " and >= " + 2 * div + " for " + channels.size() + " blocks, got "
              + imageSize);
    }
    if (embedDim < 1 || hiddenSize < 1 || attentionDim < 1) {
      throw new IllegalArgumentException("embedDim, hiddenSize and attentionDim must be >= 1, got "
          + embedDim + ", " + hiddenSize + ", " + attentionDim);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  /** 48-pixel images, channels 16-32-64, embeddings 48, LSTM 192, attention 96, dropout 0.1. */
  public static CaptionModelConfig defaults(CaptionVariant variant) {
    return new CaptionModelConfig(variant, 48, List.of(16, 32, 64), 48, 192, 96, 0.1);
  }

  public CaptionModelConfig withVariant(CaptionVariant v) {
    return new CaptionModelConfig(v, imageSize, channels, embedDim, hiddenSize, attentionDim, dropout);
  }

  public CaptionModelConfig withImageSize(int v) {
    return new CaptionModelConfig(variant, v, channels, embedDim, hiddenSize, attentionDim, dropout);
  }

  public CaptionModelConfig withChannels(List<Integer> v) {
    return new CaptionModelConfig(variant, imageSize, v, embedDim, hiddenSize, attentionDim, dropout);
  }

  public CaptionModelConfig withSizes(int embed, int hidden, int attention) {
    return new CaptionModelConfig(variant, imageSize, channels, embed, hidden, attention, dropout);
  }

  public CaptionModelConfig withDropout(double v) {
    return new CaptionModelConfig(variant, imageSize, channels, embedDim, hiddenSize, attentionDim, v);
  }

  /** Side of the final feature map: {@code imageSize / 2^blocks}. */
  public int gridSize() {
    return imageSize >> channels.size();
  }

  /** For example {@code caption|show-and-tell|px:48|conv:16-32-64|emb:48|hid:192|att:96|drop:0.1}. */
  public String signature() {
    return String.format(Locale.ROOT, "caption|%s|px:%d|conv:%s|emb:%d|hid:%d|att:%d|drop:%s", variant.label(), imageSize,
        channels.stream().map(String::valueOf).collect(Collectors.joining("-")), embedDim, hiddenSize, attentionDim, dropout);
  }

  /** Parses {@link #signature()}. */
  public static CaptionModelConfig parse(String signature) {
    String[] f = signature.split("\\|");
    if (f.length != 8 || !f[0].equals("caption")) {
      throw new IllegalArgumentException("not a caption model signature: '" + signature + "'");
    }
    try {
      List<Integer> ch = java.util.Arrays.stream(value(f[3], "conv").split("-")).map(Integer::valueOf).toList();
      return new CaptionModelConfig(CaptionVariant.parse(f[1]), Integer.parseInt(value(f[2], "px")), ch,
          Integer.parseInt(value(f[4], "emb")), Integer.parseInt(value(f[5], "hid")), Integer.parseInt(value(f[6], "att")),
          Double.parseDouble(value(f[7], "drop")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number in caption model signature '" + signature + "'", e);
    }
  }

  private static String value(String field, String key) {
    if (!field.startsWith(key + ":")) {
      throw new IllegalArgumentException("expected field '" + key + ":...' in caption model signature, got '" + field + "'");
    }
    return field.substring(key.length() + 1);
  }
}
