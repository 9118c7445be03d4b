/**
 * Runnable examples, one class per dataset or task. Each has {@code static Result run(Options)} (used
 * by the CLI and by a tiny smoke test) and a {@code main}; they read the shared datasets at run time
 * ({@link org.seqlab.examples.SharedData}) and never copy them.
 */
package org.seqlab.examples;
