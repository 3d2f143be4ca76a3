package io.keyframe.report.web;

import io.javalin.Javalin;
import io.keyframe.report.ReportConfig;
import io.keyframe.report.auth.Sessions;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.data.ReportData;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The report web app over one {@link ReportData} snapshot: Jetty limits and error pages here,
 * routes in {@link Routes}, access in {@link Access}, request checks in {@link RequestChecks},
 * views and their cache in {@link ReportViews}. Every HTML page has a JSON twin under {@code /api}
 * built from the same view record.
 */
public final class ReportServer {
  /** Largest request body accepted (the login form is the only body). */
  public static final int MAX_BODY_BYTES = RequestChecks.MAX_BODY_BYTES;

  /** Longest request URI accepted. */
  public static final int MAX_URI_CHARS = RequestChecks.MAX_URI_CHARS;

  /** Largest request header section Jetty accepts (431 beyond). */
  private static final int MAX_HEADER_BYTES = 8 * 1024;

  private final ReportViews views;
  private final Routes.Handlers handlers;

  /**
   * A server over {@code dataDir} (the output root holding {@code tables/}).
   *
   * @throws IllegalArgumentException if {@code tokens} is empty: every route but health and login
   *     needs one
   */
  public ReportServer(Path dataDir, TokenStore tokens) {
    this(dataDir, tokens, ReportConfig.DEFAULT);
  }

  /** A server configured beyond the outputs (CVAT deep links, time log for scorecards). */
  public ReportServer(Path dataDir, TokenStore tokens, ReportConfig config) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("no tokens configured");
    }
    this.views = new ReportViews(dataDir, config);
    Sessions sessions = new Sessions();
    this.handlers =
        new Routes.Handlers(
            new Access(tokens, sessions),
            new LoginHandlers(tokens, sessions),
            new PageHandlers(views, config),
            new ImageHandlers(views),
            new ExportHandlers(views),
            new AdminHandlers(views));
  }

  /**
   * Refuses hosts other than loopback when no tokens are configured.
   *
   * @throws IllegalStateException naming the problem
   */
  public static void checkExposure(String host, boolean tokensConfigured) {
    if (tokensConfigured) {
      return;
    }
    boolean loopback;
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      loopback = all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException(
          "refusing to serve on non-loopback host "
              + host
              + " without tokens: pass --tokens FILE or set KEYFRAME_TOKEN");
    }
  }

  /** The current data snapshot. */
  public ReportData data() {
    return views.data();
  }

  /** Builds the Javalin app (not started). */
  public Javalin app() {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.maxRequestSize = MAX_BODY_BYTES;
          config.http.generateEtags = false;
          config.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrorHandler()));
          config.jetty.modifyServletContextHandler(
              handler -> handler.setErrorHandler(new SecureErrorHandler()));
          config.jetty.modifyHttpConfiguration(
              h -> {
                h.setRequestHeaderSize(MAX_HEADER_BYTES);
                h.setSendServerVersion(false);
              });
          Routes.register(config.routes, handlers);
        });
  }
}
