/**
 * Seeded weight initialisers ({@link org.seqlab.core.init.Init}).
 *
 * <p>All values are drawn in Java from {@link java.util.SplittableRandom} with the given seed (normal
 * values by the Box-Muller transform), so the same seed gives bit-identical weights on every
 * backend, thread count and machine. For a weight {@code W: [fanIn, fanOut]}:
 *
 * <ul>
 *   <li>Glorot/Xavier uniform (Glorot and Bengio 2010): {@code U(-a, a)}, {@code a = sqrt(6 / (fanIn
 *       + fanOut))}, so {@code Var(W) = 2 / (fanIn + fanOut)}.
 *   <li>Glorot/Xavier normal: {@code N(0, 2 / (fanIn + fanOut))}.
 *   <li>He/Kaiming normal (He et al. 2015, for ReLU layers): {@code N(0, 2 / fanIn)}.
 *   <li>{@code uniform(-a, a)}, {@code normal(0, std^2)}, zeros and ones.
 * </ul>
 *
 * <p>Derive one seed per parameter from a run seed with {@link org.seqlab.core.Seeds#derive(long,
 * String)}.
 */
package org.seqlab.core.init;
