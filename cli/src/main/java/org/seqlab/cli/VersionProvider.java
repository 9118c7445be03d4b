package org.seqlab.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the seqlab version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"seqlab " + version()};
  }
}
