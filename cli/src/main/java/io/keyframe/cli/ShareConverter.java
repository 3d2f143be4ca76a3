package io.keyframe.cli;

import io.keyframe.scoring.units.Share;
import picocli.CommandLine;

/**
 * Reads every share option ({@code --rate}, {@code --overlap}, ...) the one way: {@code 10%} or
 * {@code 0.1}.
 */
final class ShareConverter implements CommandLine.ITypeConverter<Share> {
  @Override
  public Share convert(String value) {
    try {
      return Share.parse(value, "value");
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
