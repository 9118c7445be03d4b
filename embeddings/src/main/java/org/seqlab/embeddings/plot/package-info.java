/**
 * Pictures of embedding neighbourhoods: 2-D projections and labelled scatter plots.
 *
 * <p>{@link org.seqlab.embeddings.plot.Projection#pca PCA} keeps the two directions of largest
 * variance of the centred unit vectors (the top eigenvectors of their covariance), a linear map
 * that preserves global structure. {@link org.seqlab.embeddings.plot.Projection#tsne t-SNE} (van
 * der Maaten &amp; Hinton 2008) instead matches neighbourhoods: it minimises {@code KL(P || Q)}
 * between Gaussian affinities of the inputs at a chosen perplexity and Student-t affinities of the
 * 2-D points, so clusters separate but distances between clusters mean little.
 * {@link org.seqlab.embeddings.plot.ScatterPlot} renders the result with Java2D into a PNG without
 * a display.
 */
package org.seqlab.embeddings.plot;
