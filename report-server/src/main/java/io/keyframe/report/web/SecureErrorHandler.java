package io.keyframe.report.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a request Jetty refuses before Javalin sees it: oversized headers, a
 * malformed URI) with the same security headers as every Javalin response, without stack traces,
 * and for browsers the report's own error page ({@code error.jte}).
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

  @Override
  protected void writeErrorHtml(
      Request request, Writer writer, Charset charset, int code, String message, Throwable cause)
      throws IOException {
    // Jetty picks the charset from Accept-Charset (ISO-8859-1 without one): numeric character
    // references for everything beyond ASCII read the same in any of them.
    String page = ErrorPage.render(code, message == null ? "" : message, null);
    StringBuilder b = new StringBuilder(page.length() + 64);
    page.codePoints().forEach(c -> b.append(c < 128 ? Character.toString(c) : "&#" + c + ";"));
    writer.write(b.toString());
  }
}
