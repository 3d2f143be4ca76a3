package io.keyframe.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * The report's jte templates ({@code report-server/src/main/jte}), compiled to Java classes at
 * build time by the jte Maven plugin, so the server needs no compiler at run time and loads no
 * template from disk. {@link ContentType#Html} escapes every {@code ${...}} for the place it stands
 * in (element text, attribute value); only {@code $unsafe{...}} writes raw HTML.
 */
public final class Templates {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Templates() {}

  /**
   * Renders {@code template} (its path under the templates folder, e.g. {@code "overview.jte"}).
   *
   * @param params name, value, name, value, ...: the template's {@code @param}s (values may be
   *     null)
   */
  public static String render(String template, Object... params) {
    if (params.length % 2 != 0) {
      throw new IllegalArgumentException("params come in name, value pairs");
    }
    Map<String, Object> named = new HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      named.put((String) params[i], params[i + 1]);
    }
    StringOutput out = new StringOutput(8192);
    ENGINE.render(template, named, out);
    return out.toString();
  }
}
