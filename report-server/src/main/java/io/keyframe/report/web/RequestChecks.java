package io.keyframe.report.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Checks every request passes before any route sees it: sizes, path tricks, and the CSRF defence
 * for state-changing requests; and the one rule for where a login may send the browser next.
 */
final class RequestChecks {
  /** Largest request body accepted (the login form is the only body). */
  static final int MAX_BODY_BYTES = 8 * 1024;

  /** Longest request URI accepted. */
  static final int MAX_URI_CHARS = 2048;

  private static final Pattern SUSPICIOUS =
      Pattern.compile("(\\.\\.|%2e|%2f|%5c|\\\\|%00|\\x00)", Pattern.CASE_INSENSITIVE);

  private RequestChecks() {}

  /** 414 for long URIs, 400 for traversal-like paths, 413 for a declared body over the limit. */
  static void sizesAndPaths(Context ctx) {
    String uri = ctx.req().getRequestURI();
    String query = ctx.queryString();
    int length = uri.length() + (query == null ? 0 : query.length());
    if (length > MAX_URI_CHARS) {
      throw new HttpResponseException(HttpStatus.URI_TOO_LONG.getCode(), "URI too long");
    }
    if (SUSPICIOUS.matcher(uri).find()) {
      throw new BadRequestResponse("bad path");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "request too large");
    }
  }

  /**
   * CSRF defence for every state-changing request: a browser always names the page that sent it
   * (Origin, else Referer), which must be this server. Requests carrying an Authorization header
   * come from scripts, not from a browser that a foreign page can drive, and pass. A login without
   * either header (curl) passes too: it needs a valid token anyway.
   */
  static void sameOrigin(Context ctx) {
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    if (ctx.header("Authorization") != null) {
      return;
    }
    // Browsers say where a request comes from: Sec-Fetch-Site (all current ones), else Origin. Our
    // pages send Referrer-Policy: no-referrer, under which Chrome sends "Origin: null" even for our
    // own forms.
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) {
      if (site.equals("same-origin") || site.equals("none")) {
        return;
      }
      throw new ForbiddenResponse("cross-site request refused: Sec-Fetch-Site " + site);
    }
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null")) {
      origin = ctx.header("Referer");
    }
    if (origin == null) {
      if (ctx.path().equals("/login")) {
        return;
      }
      throw new ForbiddenResponse("cross-site request refused: no Origin or Referer");
    }
    // The authority the browser addressed (Host header, host[:port]); behind a proxy, the proxy
    // must pass it on.
    String host = ctx.header("Host");
    if (host == null) {
      host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
    }
    String authority;
    try {
      authority = URI.create(origin.trim()).getRawAuthority();
    } catch (IllegalArgumentException e) {
      authority = null;
    }
    if (authority == null || !authority.equalsIgnoreCase(host)) {
      throw new ForbiddenResponse("cross-site request refused: Origin is not this server");
    }
  }

  /** Only same-site absolute paths; anything else (//host, schemes, backslashes) goes home. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.length() > 512
        || next.startsWith("/login")
        || next.chars().anyMatch(c -> c < 32)) {
      return "/overview";
    }
    return next;
  }
}
