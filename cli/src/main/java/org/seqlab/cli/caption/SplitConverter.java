package org.seqlab.cli.caption;

import java.util.Locale;
import org.seqlab.attention.caption.SceneSplit;
import picocli.CommandLine.ITypeConverter;

/** Parses {@code train}, {@code test} and {@code novel}. */
final class SplitConverter implements ITypeConverter<SceneSplit> {
  @Override
  public SceneSplit convert(String value) {
    try {
      return SceneSplit.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown split '" + value + "'; expected train, test or novel");
    }
  }
}
