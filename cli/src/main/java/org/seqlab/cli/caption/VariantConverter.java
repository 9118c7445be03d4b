package org.seqlab.cli.caption;

import org.seqlab.attention.caption.CaptionVariant;
import picocli.CommandLine.ITypeConverter;

/** Parses {@code show-and-tell} and {@code show-attend-and-tell}. */
final class VariantConverter implements ITypeConverter<CaptionVariant> {
  @Override
  public CaptionVariant convert(String value) {
    return CaptionVariant.parse(value);
  }
}
