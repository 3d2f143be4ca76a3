package io.keyframe.metrics.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keyframe.metrics.agreement.Agreement;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * How the agreement reports write values as JSON: an undefined number is {@code null}, an undefined
 * agreement is {@code {"undefined": reason}}, and the document is indented.
 */
final class ReportJson {
  private ReportJson() {}

  /** {@code v}, or null when it is NaN or infinite. */
  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** The agreement's value, or {@code {"undefined": reason}}. */
  static Object agreement(Agreement a) {
    return a.isDefined() ? a.value() : Map.of("undefined", a.undefinedReason());
  }

  /** The maps, lists and values of {@code root} as indented JSON text. */
  static String indented(Object root) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
