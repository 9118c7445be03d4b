package org.seqlab.attention.caption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
  @TempDir Path dir;

  private static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  @Test
  void pngAndJpegRoundTripThroughImageIo() throws IOException {
    BufferedImage img = new SceneGenerator(SceneConfig.defaults(), 1).example(SceneSplit.TEST, 0).image();
    Path png = dir.resolve("scene.png");
    ImageIO.write(img, "png", png.toFile());
    assertArrayEquals(Images.pixels(img, 48), Images.pixels(Images.read(png), 48), 0);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", jpeg);
    double[] a = Images.pixels(img, 48);
    double[] b = Images.pixels(Images.decode(jpeg.toByteArray(), "upload"), 48);
    double mad = 0;
    for (int i = 0; i < a.length; i++) {
      mad += Math.abs(a[i] - b[i]) / a.length;
    }
    assertTrue(mad < 0.1, "JPEG differs by " + mad); // lossy, but close
  }

  @Test
  void pixelsAreScaledToMinusOneOne() {
    double[] p = Images.pixels(solid(10, 10, 0xff0080), 4);
    assertEquals(4 * 4 * 3, p.length);
    assertEquals(1.0, p[0], 1e-12);
    assertEquals(-1.0, p[1], 1e-12);
    assertEquals(128 / 127.5 - 1, p[2], 1e-12);
  }

  @Test
  void resizesLargeAndNonSquareImages() {
    BufferedImage big = solid(640, 200, 0x20c040);
    BufferedImage r = Images.resize(big, 48);
    assertEquals(48, r.getWidth());
    assertEquals(48, r.getHeight());
    assertEquals(0x20c040, r.getRGB(20, 30) & 0xffffff);
  }

  @Test
  void badInputGetsAClearError() throws IOException {
    IOException e = assertThrows(IOException.class, () -> Images.decode("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8), "upload"));
    assertTrue(e.getMessage().contains("upload") && e.getMessage().contains("not an image"), e.getMessage());
    assertThrows(IOException.class, () -> Images.decode(new byte[0], "empty"));
    Path txt = Files.writeString(dir.resolve("x.png"), "hello");
    IOException f = assertThrows(IOException.class, () -> Images.read(txt));
    assertTrue(f.getMessage().contains("x.png"), f.getMessage());
    assertThrows(NoSuchFileException.class, () -> Images.read(dir.resolve("missing.png")));
  }

  @Test
  void hugeImagesAreRefusedFromTheirHeader() throws IOException {
    // a valid 1x1 PNG whose IHDR claims 100000 x 100000 pixels (the CRC is not checked before the size)
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(solid(1, 1, 0), "png", png);
    byte[] b = png.toByteArray();
    java.nio.ByteBuffer.wrap(b, 16, 8).putInt(100_000).putInt(100_000); // IHDR width, height
    IOException e = assertThrows(IOException.class, () -> Images.decode(b, "bomb"));
    assertTrue(e.getMessage().contains("pixel limit"), e.getMessage());
  }
}
