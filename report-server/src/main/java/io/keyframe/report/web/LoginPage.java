package io.keyframe.report.web;

import static io.keyframe.report.html.Html.esc;

import io.keyframe.report.html.Html;

/** The only page served without a token: a form that exchanges a token for a session cookie. */
final class LoginPage {
  private LoginPage() {}

  static String render(String next, String error) {
    String body =
        """
        <div class="login">
        %s
        <form method="post" action="/login">
        <input type="hidden" name="next" value="%s">
        <label>Access token<input id="token" name="token" type="password" autocomplete="current-password" required autofocus></label>
        <p class="muted">Ask your keyframe admin for a token. The browser keeps an HttpOnly session cookie, never the token.</p>
        <button class="btn" id="login" type="submit">Log in</button>
        </form></div>
        """
            .formatted(
                error == null ? "" : "<div class=\"error\">" + esc(error) + "</div>", esc(next));
    return Html.page("Log in", "", null, body);
  }
}
