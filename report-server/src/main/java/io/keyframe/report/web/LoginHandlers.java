package io.keyframe.report.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.keyframe.report.auth.LoginThrottle;
import io.keyframe.report.auth.Role;
import io.keyframe.report.auth.Sessions;
import io.keyframe.report.auth.TokenStore;
import java.util.Optional;

/** The login form, the token-for-cookie exchange (throttled per client) and logout. */
final class LoginHandlers {
  private final TokenStore tokens;
  private final Sessions sessions;
  private final LoginThrottle throttle = new LoginThrottle();

  LoginHandlers(TokenStore tokens, Sessions sessions) {
    this.tokens = tokens;
    this.sessions = sessions;
  }

  void form(Context ctx) {
    ctx.html(LoginPage.render(RequestChecks.safeNext(ctx.queryParam("next")), null));
  }

  void login(Context ctx) {
    String next = RequestChecks.safeNext(ctx.formParam("next"));
    long wait = throttle.attempt(ctx.ip());
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      ctx.status(HttpStatus.TOO_MANY_REQUESTS)
          .html(
              LoginPage.render(
                  next, "Too many login attempts from this address; try again in " + wait + " s."));
      return;
    }
    String token = ctx.formParam("token");
    Optional<Role> role = tokens.roleOf(token);
    if (role.isEmpty()) {
      ctx.status(HttpStatus.UNAUTHORIZED).html(LoginPage.render(next, "That token is not valid."));
      return;
    }
    SessionCookie.set(ctx, sessions.open(role.get(), TokenStore.sha256(token)));
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    sessions.close(SessionCookie.read(ctx));
    SessionCookie.clear(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }
}
