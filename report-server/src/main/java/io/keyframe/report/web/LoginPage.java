package io.keyframe.report.web;

import io.keyframe.report.html.Templates;

/**
 * The only page served without a token: a form that exchanges a token for a session cookie
 * (template {@code login.jte}).
 */
final class LoginPage {
  private LoginPage() {}

  /**
   * @param next the local path to go to after logging in (already checked)
   * @param error what went wrong with the last attempt, or null
   */
  static String render(String next, String error) {
    return Templates.render("login.jte", "next", next, "error", error);
  }
}
