/**
 * Hard debiasing of word embeddings (Bolukbasi, Chang, Zou, Saligrama &amp; Kalai 2016, "Man is to
 * Computer Programmer as Woman is to Homemaker? Debiasing Word Embeddings").
 *
 * <p>The gender direction g is the first principal component of the centred definitional pairs
 * (she-he, woman-man, ...) ({@link org.seqlab.embeddings.debias.BiasSubspace}). Its effect on a
 * gender-neutral word w is the projection {@code cos(w, g)}, summarised over professions as
 * {@code DirectBias_1 = mean |cos(w, g)|} ({@link org.seqlab.embeddings.debias.DirectBias}).
 * {@link org.seqlab.embeddings.debias.HardDebias} removes g from every word outside a
 * gender-specific list ({@code w := (w - w_B) / |w - w_B|}) and re-centres equalize pairs
 * (grandmother-grandfather, ...) so that both members are equally far from every neutral word.
 * Debiasing should change analogy accuracy only slightly; compare
 * {@link org.seqlab.embeddings.eval.AnalogyEval} before and after.
 */
package org.seqlab.embeddings.debias;
