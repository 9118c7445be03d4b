/**
 * Reverse-mode automatic differentiation over ND4J INDArrays.
 *
 * <p>A {@link org.seqlab.core.Tape} records every operation's output with a hand-written backward
 * pass ({@link org.seqlab.core.Backward}). For a scalar loss {@code L} and an op {@code y = f(x)},
 * the backward pass receives {@code dL/dy} and adds {@code dL/dx = (dy/dx)^T dL/dy} to {@code x}'s
 * gradient; {@link org.seqlab.core.Tape#backward(Variable)} runs the passes in reverse recording
 * order and accumulates into {@link org.seqlab.core.Parameter#grad()}.
 *
 * <p>seqlab does not use SameDiff's autodiff: ND4J 1.0.0-M2.1's gradients for gather, GRU, masked
 * lstmLayer and sparse cross-entropy with mean reduction were found wrong, so every op here has its
 * own backward, checked by {@link org.seqlab.core.GradientCheck} with central differences in
 * double precision.
 *
 * <pre>{@code
 * ParameterSet params = new ParameterSet();
 * Linear layer = new Linear(params, "out", 4, 3, DataType.FLOAT, 7);
 * Optimizer adam = new Adam(1e-3);
 * try (Tape tape = new Tape()) {
 *   Variable logits = layer.forward(tape, tape.constant(x));          // [N, 3]
 *   Variable loss = Losses.crossEntropy(logits, targets, null, Reduction.MEAN);
 *   tape.backward(loss);
 * }
 * ClipByGlobalNorm.clip(params, 5.0);
 * adam.step(params);                                                  // updates and zeroes grads
 * }</pre>
 */
package org.seqlab.core;
