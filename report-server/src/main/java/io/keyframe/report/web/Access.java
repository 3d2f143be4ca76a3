package io.keyframe.report.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import io.keyframe.report.auth.Role;
import io.keyframe.report.auth.Sessions;
import io.keyframe.report.auth.TokenStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking and whether they may: a bearer token, else the session cookie, checked against the
 * least role the route declares. Machines get 401; browsers go to the login page.
 */
record Access(TokenStore tokens, Sessions sessions) {
  private static final String ROLE = "role";

  /** Before every matched route with roles: 401 / redirect / 403, else the caller's role noted. */
  void authorize(Context ctx) {
    Set<RouteRole> needed = ctx.routeRoles();
    if (needed.isEmpty()) {
      return;
    }
    Role need = (Role) needed.iterator().next();
    Optional<Role> have = authenticate(ctx);
    if (have.isEmpty()) {
      if (isMachineRoute(ctx.path())) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new UnauthorizedResponse("token required");
      }
      String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
      ctx.redirect(
          "/login?next=" + URLEncoder.encode(RequestChecks.safeNext(next), StandardCharsets.UTF_8),
          HttpStatus.FOUND);
      ctx.skipRemainingHandlers();
      return;
    }
    if (!have.get().atLeast(need)) {
      throw new ForbiddenResponse("role " + need.label() + " required");
    }
    ctx.attribute(ROLE, have.get());
  }

  /**
   * HEAD is answered from the GET route; without this, it would skip the GET route's role check.
   */
  void authorizeHead(Context ctx) {
    if (!ctx.method().name().equals("HEAD")
        || ctx.path().equals("/api/health")
        || ctx.path().equals("/login")) {
      return;
    }
    if (authenticate(ctx).isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("token required");
    }
  }

  private Optional<Role> authenticate(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return tokens.roleOf(auth.substring(7).trim());
      }
      return Optional.empty();
    }
    return sessions.roleOf(SessionCookie.read(ctx));
  }

  /** The role {@link #authorize} found; only on routes that declare one. */
  static Role role(Context ctx) {
    Role r = ctx.attribute(ROLE);
    if (r == null) {
      throw new UnauthorizedResponse();
    }
    return r;
  }

  /** The caller's role when a route checked it, else empty (open routes, early errors). */
  static Optional<Role> roleIfKnown(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ROLE));
  }

  /** Routes read by scripts and {@code <img>} tags, not navigated to: 401, never a redirect. */
  static boolean isMachineRoute(String path) {
    return path.startsWith("/api/")
        || path.startsWith("/charts/")
        || path.startsWith("/thumbs/")
        || path.endsWith(".csv");
  }
}
