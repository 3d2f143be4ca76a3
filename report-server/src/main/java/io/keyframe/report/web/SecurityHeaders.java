package io.keyframe.report.web;

import io.javalin.http.Context;
import java.util.Locale;

/** The headers every response carries, Javalin's and Jetty's own error pages alike. */
final class SecurityHeaders {
  /** Inline styles only (the page frame's stylesheet); no scripts, no foreign origins. */
  static final String CSP =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** After every request: no sniffing, no framing, no referrer, the CSP; pages never cached. */
  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", CSP);
    String type = ctx.res().getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("image/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
