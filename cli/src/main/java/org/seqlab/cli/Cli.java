package org.seqlab.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Shared command-line plumbing: exit codes and how exceptions become messages. */
public final class Cli {
  /** Exit code for a usage or input error (bad option, unreadable or malformed file, unknown word). */
  public static final int EXIT_INPUT = 2;

  private Cli() {}

  /** A command line with seqlab's error handling: input errors print one clear line, not a stack trace. */
  public static CommandLine newCommandLine(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable cause = ex;
          if (cause instanceof UncheckedIOException u && u.getCause() != null) {
            cause = u.getCause();
          }
          String message =
              cause instanceof NoSuchFileException nsf
                  ? "no such file: " + nsf.getFile() + (nsf.getReason() == null ? "" : " (" + nsf.getReason() + ")")
                  : cause.getMessage() == null ? cause.toString() : cause.getMessage();
          commandLine.getErr().println("seqlab " + commandLine.getCommandName() + ": " + message);
          boolean inputError =
              cause instanceof IllegalArgumentException
                  || cause instanceof java.io.IOException
                  || cause instanceof IllegalStateException;
          if (!inputError) {
            cause.printStackTrace(commandLine.getErr());
            return 1;
          }
          return EXIT_INPUT;
        });
    return cl;
  }
}
