package io.keyframe.report.web;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data that would run a script or break out of an attribute if a template did not escape it, and
 * how jte writes it once escaped: shared by the template tests of every page.
 */
final class HostileText {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
  // jte escapes " in attribute values and < in element text (> needs no escape in attributes)
  static final String BREAKOUT_IN_ATTRIBUTE = "&#34;>&lt;img src=x onerror=alert(1)>";
  static final String BREAKOUT_IN_TEXT = "\"&gt;&lt;img src=x onerror=alert(1)&gt;";

  private HostileText() {}

  /** Neither hostile string made it into {@code html} as markup. */
  static void assertNoMarkupFromData(String html) {
    assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x");
  }
}
