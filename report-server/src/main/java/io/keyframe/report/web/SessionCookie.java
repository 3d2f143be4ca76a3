package io.keyframe.report.web;

import io.javalin.http.Context;
import io.keyframe.report.auth.Sessions;

/**
 * The browser's session cookie: a random session ID (never the token), {@code HttpOnly}, {@code
 * SameSite=Strict}, {@code Secure} whenever the browser reached us over TLS.
 */
final class SessionCookie {
  static final String NAME = "kf_session";

  private SessionCookie() {}

  /** The session ID the browser sent, or null. */
  static String read(Context ctx) {
    return ctx.cookie(NAME);
  }

  /** Hands the browser {@code session} for {@link Sessions#TTL}. */
  static void set(Context ctx, String session) {
    ctx.header(
        "Set-Cookie",
        NAME
            + "="
            + session
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + Sessions.TTL.toSeconds()
            + secure(ctx));
  }

  /** Tells the browser to drop the cookie. */
  static void clear(Context ctx) {
    ctx.header(
        "Set-Cookie", NAME + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + secure(ctx));
  }

  /**
   * {@code ; Secure} when the browser reached us over TLS (directly, or through a proxy that says
   * so).
   */
  private static String secure(Context ctx) {
    boolean tls = ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return tls ? "; Secure" : "";
  }
}
