/**
 * Layers that own {@link org.seqlab.core.Parameter}s, created in a {@link
 * org.seqlab.core.ParameterSet} under a name prefix, with a {@code forward(Tape, ...)} that records
 * on a {@link org.seqlab.core.Tape}:
 *
 * <ul>
 *   <li>{@link org.seqlab.core.nn.Linear}: {@code y = x W + b}, {@code W: [in, out]}, {@code b:
 *       [out]}, for {@code x: [..., in]}; Glorot-uniform weights.
 *   <li>{@link org.seqlab.core.nn.Embedding}: {@code E: [V, D]}, ids {@code [B, T] -> [B, T, D]};
 *       the backward pass scatter-adds, so a repeated id receives the sum of its gradients;
 *       pretrained rows can be loaded and the table frozen.
 *   <li>{@link org.seqlab.core.nn.LayerNorm} (Ba, Kiros and Hinton 2016): {@code y = gain (x - mu) /
 *       sqrt(var + eps) + bias} over the last axis, with a fused backward pass.
 *   <li>{@link org.seqlab.core.nn.Conv2d}: {@code [B, H, W, C] -> [B, H', W', O]} with kernel {@code
 *       [K, K, C, O]} (He-normal) and bias {@code [O]}.
 *   <li>{@link org.seqlab.core.nn.BatchNorm} (Ioffe and Szegedy 2015): per-channel normalisation
 *       over all positions of a batch, {@code y = gain (x - mu_B) / sqrt(var_B + eps) + bias}, with
 *       running statistics (frozen parameters, saved with the model) for inference.
 * </ul>
 */
package org.seqlab.core.nn;
