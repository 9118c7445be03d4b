/**
 * Differentiable operations on {@link org.seqlab.core.Variable}s, as static methods grouped by
 * kind: {@link org.seqlab.core.ops.MathOps} (broadcast arithmetic, matrix products, reductions),
 * {@link org.seqlab.core.ops.Activations} (tanh, sigmoid, relu, exp, log, softmax and log-softmax
 * over the last axis), {@link org.seqlab.core.ops.ShapeOps} (concat, split, slice, reshape, time
 * steps of {@code [B, T, H]} sequences, row gather), {@link org.seqlab.core.ops.Losses} (fused
 * softmax cross-entropy), {@link org.seqlab.core.ops.Dropout}, and for images {@link
 * org.seqlab.core.ops.Convolution} (2-D convolution as im2col plus gemm) and {@link
 * org.seqlab.core.ops.Pooling} (max, average and global average pooling).
 *
 * <p>Each op computes its value eagerly with INDArray kernels and records its backward pass, the
 * vector-Jacobian product, on the tape: for {@code y = f(x)} and an upstream gradient {@code g =
 * dL/dy} it adds {@code dL/dx = J_f(x)^T g} to {@code x}'s gradient. Examples:
 *
 * <pre>
 *   y = a * b (broadcast)   dL/da = reduce(g * b),  dL/db = reduce(g * a)   reduce = sum over broadcast axes
 *   Y = A B                 dL/dA = G B^T,          dL/dB = A^T G           (Nd4j.gemm with transpose flags)
 *   y = tanh(x)             dL/dx = g (1 - y^2)
 *   y = softmax(x)          dL/dx = y (g - sum(g y))
 *   y = log_softmax(x)      dL/dx = g - softmax(x) sum(g)
 *   l = logsumexp(z) - z_t  dL/dz = g (softmax(z) - onehot(t))
 *   Y = im2col(x) W         dL/dW = im2col(x)^T G,  dL/dx = col2im(G W^T)    (convolution)
 *   y = max(window)         dL/dx[argmax] += g                            (max pooling)
 * </pre>
 *
 * <p>Images are channels-last, {@code [B, H, W, C]} (NHWC): a convolution is then one product over
 * the {@code [B H W, K K C]} patch matrix, per-channel normalisation is over the last axis, and an
 * {@code [B, H, W, C]} feature map is an attention memory {@code [B, H W, C]} by a reshape.
 *
 * <p>Broadcasting follows NumPy: shapes are aligned at the last axis and size-1 axes stretch.
 * Tensors are batch-major, {@code [B, T, H]}. Every op is checked against central finite
 * differences in double precision ({@link org.seqlab.core.GradientCheck}) in the tests.
 */
package org.seqlab.core.ops;
