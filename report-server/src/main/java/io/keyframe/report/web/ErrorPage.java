package io.keyframe.report.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import io.keyframe.report.auth.Role;
import io.keyframe.report.html.Templates;

/**
 * HTTP errors (400, 403, 404, 414, ...) a browser navigated into: the status and reason in the page
 * frame (template {@code error.jte}). Scripts, charts, thumbnails and CSV keep Javalin's plain or
 * JSON answer, as does anything that does not ask for HTML.
 */
final class ErrorPage {
  private ErrorPage() {}

  static void handle(HttpResponseException e, Context ctx) {
    String accept = ctx.header("Accept");
    boolean browser = accept != null && accept.contains("text/html");
    if (e.getStatus() < 400 || !browser || Access.isMachineRoute(ctx.path())) {
      HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
      return;
    }
    // The role (and so the navigation) is only known once the route's access check has passed.
    ctx.status(e.getStatus())
        .html(render(e.getStatus(), e.getMessage(), Access.roleIfKnown(ctx).orElse(null)));
  }

  /** The page for {@code status}; {@code role} null shows no navigation. */
  static String render(int status, String message, Role role) {
    HttpStatus s = HttpStatus.forStatus(status);
    String reason = s == HttpStatus.UNKNOWN ? "Error" : s.getMessage();
    return Templates.render(
        "error.jte", "status", status, "reason", reason, "message", message, "role", role);
  }
}
