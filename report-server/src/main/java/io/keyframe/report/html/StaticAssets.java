package io.keyframe.report.html;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' script, served from the jar under {@code /static/}: no CDN (the server works offline)
 * and no inline script (the Content-Security-Policy's {@code default-src 'self'} forbids it).
 */
public final class StaticAssets {
  /** Where {@link Html#page} loads the table script from. */
  public static final String TABLES_JS = "/static/tables.js";

  private static final Map<String, String> TYPES = Map.of("tables.js", "text/javascript");
  private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

  private StaticAssets() {}

  /** {@code GET /static/{file}}: only the files named above; anything else is 404. */
  public static void serve(Context ctx) {
    String file = ctx.pathParam("file");
    String type = TYPES.get(file);
    if (type == null) throw new NotFoundResponse();
    ctx.contentType(type + "; charset=utf-8");
    ctx.result(LOADED.computeIfAbsent(file, StaticAssets::load));
  }

  private static byte[] load(String file) {
    try (InputStream in =
        StaticAssets.class.getResourceAsStream("/io/keyframe/report/static/" + file)) {
      if (in == null) throw new IllegalStateException("missing resource " + file);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
