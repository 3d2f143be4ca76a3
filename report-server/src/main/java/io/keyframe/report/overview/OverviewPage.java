package io.keyframe.report.overview;

import io.keyframe.report.auth.Role;
import io.keyframe.report.html.Templates;

/** Renders {@link OverviewView} as HTML (template {@code overview.jte}). */
public final class OverviewPage {
  private OverviewPage() {}

  /** The page. */
  public static String render(OverviewView v, Role role) {
    return Templates.render("overview.jte", "v", v, "role", role);
  }
}
