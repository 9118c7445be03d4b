package org.seqlab.attention.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.nn.BatchNorm;
import org.seqlab.core.nn.Conv2d;
import org.seqlab.core.ops.Activations;
import org.seqlab.core.ops.Conv2dSpec;
import org.seqlab.core.ops.Pooling;
import org.seqlab.core.ops.ShapeOps;

/**
 * A small convolutional image encoder on channels-last images:
 *
 * <pre>
 *   x0 = [pixels; coords]                               [B, S, S, 3 + 2]
 *   x_{k+1} = maxpool2( relu( BN( conv3x3(x_k) ) ) )    [B, S / 2^(k+1), S / 2^(k+1), C_k]
 *   features = [x_K as [B, G*G, C]; cell coords]        [B, L = G*G, C + 2]
 * </pre>
 *
 * <p>The two coordinate channels ({@code x} and {@code y} in {@code [-1, 1]}, "CoordConv", Liu et al.
 * 2018) let the filters know where they are, which relations such as "to the left of" need; the
 * coordinates of each feature cell are appended again to the output so that an attention context
 * carries the position it attended to. Parameters: {@code name.conv<k>.w/b} and {@code
 * name.bn<k>.gain/bias/running_mean/running_var}.
 */
public final class ConvImageEncoder {
  private final int imageSize;
  private final List<Conv2d> convs = new ArrayList<>();
  private final List<BatchNorm> norms = new ArrayList<>();

  /**
   * @param channels output channels per block
   * @param seed initialises every kernel (each from its own derived seed)
   */
  public ConvImageEncoder(ParameterSet params, String name, int imageSize, List<Integer> channels, DataType type, long seed) {
    Objects.requireNonNull(channels, "channels");
    this.imageSize = imageSize;
    int in = 5;
    for (int k = 0; k < channels.size(); k++) {
      int out = channels.get(k);
      convs.add(new Conv2d(params, name + ".conv" + k, in, out, Conv2dSpec.same(3), type, Seeds.derive(seed, "conv" + k)));
      norms.add(new BatchNorm(params, name + ".bn" + k, out, 1e-5, 0.1, type));
      in = out;
    }
    if ((imageSize >> channels.size()) < 1 || imageSize % (1 << channels.size()) != 0) {
      throw new IllegalArgumentException(
          "imageSize " + imageSize + " is not divisible by 2^" + channels.size() + " for " + channels.size() + " blocks");
    }
  }

  /** Side {@code G} of the final feature map. */
  public int gridSize() {
    return imageSize >> convs.size();
  }

  /** Positions {@code L = G * G} of the feature map. */
  public int locations() {
    return gridSize() * gridSize();
  }

  /** Width {@code C + 2} of each feature vector (last block's channels plus the cell coordinates). */
  public int featureDim() {
    return convs.get(convs.size() - 1).outChannels() + 2;
  }

  /**
   * Encodes a batch.
   *
   * @param pixels {@code [B, S, S, 3]} images in {@code [-1, 1]} (see {@link Images#pixels})
   * @param training batch statistics (and running-statistics updates) instead of the running ones
   * @return features {@code [B, L, C + 2]}
   */
  public Variable encode(Tape tape, INDArray pixels, boolean training) {
    long[] s = pixels.shape();
    if (s.length != 4 || s[1] != imageSize || s[2] != imageSize || s[3] != 3) {
      throw new IllegalArgumentException("images must be [B, " + imageSize + ", " + imageSize + ", 3], got "
          + java.util.Arrays.toString(s));
    }
    int b = Math.toIntExact(s[0]);
    DataType type = convs.get(0).weight().value().dataType();
    Variable x = tape.constant(withCoordinates(pixels.castTo(type), imageSize)); // [B, S, S, 5]
    for (int k = 0; k < convs.size(); k++) {
      x = convs.get(k).forward(tape, x); // [B, S_k, S_k, C_k]
      x = norms.get(k).forward(tape, x, training);
      x = Activations.relu(x);
      x = Pooling.maxPool2d(x, Conv2dSpec.pool(2)); // [B, S_k / 2, S_k / 2, C_k]
    }
    int g = gridSize();
    Variable flat = ShapeOps.reshape(x, b, (long) g * g, x.shape()[3]); // [B, L, C]
    INDArray cells = cellCoordinates(b, g, type); // [B, L, 2]
    return ShapeOps.concat(2, flat, tape.constant(cells)); // [B, L, C + 2]
  }

  /** {@code [B, G*G, 2]}: the centre {@code (x, y)} in {@code [-1, 1]} of every cell of a {@code G x G} grid. */
  static INDArray cellCoordinates(int b, int g, DataType type) {
    double[] out = new double[b * g * g * 2];
    for (int i = 0; i < b * g * g; i++) {
      int cell = i % (g * g);
      out[2 * i] = (2.0 * (cell % g) + 1) / g - 1;
      out[2 * i + 1] = (2.0 * (cell / g) + 1) / g - 1;
    }
    return Nd4j.createFromArray(out).reshape('c', b, (long) g * g, 2).castTo(type);
  }

  /**
   * {@code [B, S, S, C] -> [B, S, S, C + 2]}: appends the pixel-centre coordinates {@code x = (2 ix +
   * 1) / S - 1} and {@code y = (2 iy + 1) / S - 1}.
   */
  static INDArray withCoordinates(INDArray images, int size) {
    long[] s = images.shape();
    int b = Math.toIntExact(s[0]);
    int c = Math.toIntExact(s[3]);
    double[] in = images.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    double[] out = new double[b * size * size * (c + 2)];
    for (int i = 0; i < b * size * size; i++) {
      int pix = i % (size * size);
      int iy = pix / size;
      int ix = pix % size;
      System.arraycopy(in, i * c, out, i * (c + 2), c);
      out[i * (c + 2) + c] = (2.0 * ix + 1) / size - 1;
      out[i * (c + 2) + c + 1] = (2.0 * iy + 1) / size - 1;
    }
    return Nd4j.createFromArray(out).reshape('c', b, size, size, c + 2).castTo(images.dataType());
  }
}
