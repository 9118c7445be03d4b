package org.seqlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process as a user would, keeping what it printed. */
public abstract class CliTestSupport {
  /** Standard output of the last {@link #run}. */
  protected String out;
  /** Standard error of the last {@link #run}. */
  protected String err;

  /** Runs {@code seqlab args...}; returns the exit code. */
  protected int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int rc = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    out = o.toString();
    err = e.toString();
    return rc;
  }
}
