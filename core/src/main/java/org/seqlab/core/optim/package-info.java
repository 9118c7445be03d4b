/**
 * Optimizers, learning-rate schedules and gradient clipping.
 *
 * <p>With gradient {@code g}, learning rate {@code lr_t = schedule.rate(t)} and step {@code t}
 * (0-based; {@code t + 1} in the bias corrections):
 *
 * <ul>
 *   <li>{@link org.seqlab.core.optim.Sgd}: {@code w -= lr g}; with momentum {@code mu} (PyTorch's
 *       convention) {@code v = mu v + g}, {@code w -= lr v}, or with Nesterov {@code w -= lr (g + mu
 *       v)} (Sutskever et al. 2013).
 *   <li>{@link org.seqlab.core.optim.RmsProp} (Tieleman and Hinton 2012): {@code s = rho s + (1 -
 *       rho) g^2}, {@code w -= lr g / (sqrt(s) + eps)}.
 *   <li>{@link org.seqlab.core.optim.Adam} (Kingma and Ba 2015): {@code m = b1 m + (1 - b1) g},
 *       {@code v = b2 v + (1 - b2) g^2}, {@code w -= lr (m / (1 - b1^(t+1))) / (sqrt(v / (1 -
 *       b2^(t+1))) + eps)}; with decoupled weight decay {@code wd} (AdamW, Loshchilov and Hutter
 *       2019) also {@code w -= lr wd w}.
 * </ul>
 *
 * <p>{@code step(params)} skips frozen parameters, updates the others in place, counts the step
 * and then zeroes every gradient of the set, so the next backward pass starts from zero. Optimizer
 * state is not part of the model: {@link org.seqlab.core.optim.Optimizer#state()} and {@link
 * org.seqlab.core.optim.OptimizerCheckpoint} save and restore it for resuming training.
 *
 * <p>{@link org.seqlab.core.optim.ClipByGlobalNorm} (Pascanu et al. 2013) rescales all gradients by
 * {@code min(1, maxNorm / ||g||)}, {@code ||g||} the L2 norm over every non-frozen gradient, and
 * returns the norm before clipping. {@link org.seqlab.core.optim.LearningRateSchedule} has constant,
 * step decay, exponential, and linear warm-up followed by linear or cosine decay (Loshchilov and
 * Hutter 2017).
 */
package org.seqlab.core.optim;
