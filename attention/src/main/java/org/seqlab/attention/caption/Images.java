package org.seqlab.attention.caption;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reading images (any format ImageIO decodes: PNG, JPEG, GIF, BMP) and turning them into model
 * input.
 *
 * <p>{@link #pixels(BufferedImage, int)} resizes to {@code size x size} (the whole image, stretched
 * if it is not square; down-scaling halves the image with bilinear filtering until it is within a
 * factor 2, then filters bilinearly once, so large photographs do not alias) and maps each channel
 * to {@code [-1, 1]}: {@code v / 127.5 - 1}. Alpha is composited onto black. Images above {@link
 * #MAX_PIXELS} are refused from their header, before any pixel is decoded.
 */
public final class Images {
  /** Largest image accepted, in pixels (about 36 megapixels); larger ones are refused before decoding. */
  public static final long MAX_PIXELS = 6000L * 6000L;

  private Images() {}

  /**
   * Decodes an image file.
   *
   * @throws IOException naming the file when it is missing, empty or not a decodable image
   */
  public static BufferedImage read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    try (InputStream in = Files.newInputStream(file)) {
      return decode(in, file.toString());
    }
  }

  /**
   * Decodes image bytes (e.g. an HTTP request body).
   *
   * @param what names the source in error messages
   * @throws IOException when the bytes are empty or not a decodable image
   */
  public static BufferedImage decode(byte[] bytes, String what) throws IOException {
    Objects.requireNonNull(bytes, "bytes");
    return decode(new ByteArrayInputStream(bytes), what);
  }

  private static BufferedImage decode(InputStream in, String what) throws IOException {
    BufferedImage img;
    try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
      if (readers == null || !readers.hasNext()) {
        throw new IOException(what + ": not an image in a format ImageIO can decode (PNG, JPEG, GIF or BMP)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new IOException(what + ": image of " + reader.getWidth(0) + "x" + reader.getHeight(0)
              + " pixels is larger than the " + MAX_PIXELS + "-pixel limit");
        }
        img = reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(what + ": ")) {
        throw e;
      }
      throw new IOException(what + ": not a readable image (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      throw new IOException(what + ": not a readable image (" + e + ")", e);
    }
    if (img == null) {
      throw new IOException(what + ": not an image in a format ImageIO can decode (PNG, JPEG, GIF or BMP)");
    }
    if (img.getWidth() < 1 || img.getHeight() < 1) {
      throw new IOException(what + ": image has no pixels");
    }
    return img;
  }

  /** {@code img} resized to {@code size x size} RGB (see the class comment). */
  public static BufferedImage resize(BufferedImage img, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + size);
    }
    BufferedImage cur = img;
    while (cur.getWidth() >= 2 * size || cur.getHeight() >= 2 * size) {
      cur = scale(cur, Math.max(size, cur.getWidth() / 2), Math.max(size, cur.getHeight() / 2));
    }
    if (cur.getWidth() == size && cur.getHeight() == size && cur.getType() == BufferedImage.TYPE_INT_RGB) {
      return cur;
    }
    return scale(cur, size, size);
  }

  private static BufferedImage scale(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * Model input for one image.
   *
   * @return {@code [size * size * 3]} row-major {@code [H, W, C]} values in {@code [-1, 1]}
   */
  public static double[] pixels(BufferedImage img, int size) {
    BufferedImage r = resize(img, size);
    int[] px = r.getRGB(0, 0, size, size, null, 0, size);
    double[] out = new double[size * size * 3];
    for (int i = 0; i < px.length; i++) {
      out[3 * i] = ((px[i] >> 16) & 0xff) / 127.5 - 1;
      out[3 * i + 1] = ((px[i] >> 8) & 0xff) / 127.5 - 1;
      out[3 * i + 2] = (px[i] & 0xff) / 127.5 - 1;
    }
    return out;
  }
}
