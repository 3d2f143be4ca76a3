package io.keyframe.report.compare;

import io.keyframe.report.auth.Role;
import io.keyframe.report.html.Templates;

/** Renders {@link CompareView} as HTML (template {@code compare.jte}). */
public final class ComparePage {
  private ComparePage() {}

  /** The page. */
  public static String render(CompareView v, Role role) {
    return Templates.render("compare.jte", "v", v, "role", role);
  }
}
