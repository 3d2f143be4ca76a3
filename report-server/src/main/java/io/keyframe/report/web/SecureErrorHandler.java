package io.keyframe.report.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a request Jetty refuses before Javalin sees it: oversized headers, a
 * malformed URI) with the same security headers as every Javalin response, and without stack
 * traces.
 */
final class SecureErrorHandler extends ErrorHandler {
  SecureErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields.Mutable h = response.getHeaders();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Content-Security-Policy", SecurityHeaders.CSP);
    h.put("Cache-Control", "no-store");
    return super.handle(request, response, callback);
  }
}
