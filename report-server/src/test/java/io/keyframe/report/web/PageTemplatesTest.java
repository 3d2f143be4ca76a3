package io.keyframe.report.web;

import static io.keyframe.report.web.HostileText.BREAKOUT;
import static io.keyframe.report.web.HostileText.SCRIPT;
import static io.keyframe.report.web.HostileText.assertNoMarkupFromData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.report.auth.Role;
import io.keyframe.report.chart.FrameView;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.data.BatchEffort;
import io.keyframe.report.html.Templates;
import io.keyframe.report.overview.OverviewPage;
import io.keyframe.report.overview.OverviewView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The templates escape what they are given without being asked: hostile video IDs, labels, source
 * names and messages come out as text, in element bodies and in attribute values alike.
 */
class PageTemplatesTest {
  @Test
  void theFramePageEscapesAHostileVideoIdLabelAndSource() {
    FrameView v =
        new FrameView(
            SCRIPT,
            3,
            1920,
            1080,
            true,
            List.of(
                new FrameView.SourceBoxes(
                    BREAKOUT,
                    "#1f77b4",
                    List.of(new FrameView.Box(7, SCRIPT, 10, 20, 30, 40, true)))));
    String html =
        FramePage.render(
            v, List.of(new ObjectRef(7, null)), "/thumbs/x/3.png?a=1&size=large", Role.REVIEWER);

    assertNoMarkupFromData(html);
    // element text: < and > as entities
    assertThat(html)
        .contains("<div class=\"v\" id=\"cvat-video\">&lt;script&gt;alert(1)&lt;/script&gt;</div>")
        .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
    // attribute value: the quote cannot close the attribute
    assertThat(html).contains("data-source=\"&#34;>&lt;img src=x onerror=alert(1)>\"");
    // & in a URL attribute is escaped too
    assertThat(html).contains("src=\"/thumbs/x/3.png?a=1&amp;size=large\"");
    // the title is escaped in <title> and <h1>
    assertThat(html).contains("<h1>Frame 3 of &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    assertThat(html).contains("<tr class=\"hot\">");
  }

  @Test
  void theOverviewEscapesVideoIdsJobNamesAndRunIdsFromTheData() {
    OverviewView v =
        new OverviewView(
            BREAKOUT,
            1,
            8,
            18,
            3,
            "gt",
            6,
            null,
            List.of(new OverviewView.Headline(SCRIPT, 0.5, 0.4, 0.6)),
            List.of(new OverviewView.VideoRow(SCRIPT, 8, 18, 3, 6)),
            List.of(new OverviewView.JobThroughput(SCRIPT, 8, 4.0, 2.0)),
            List.of(new BatchEffort(SCRIPT, 0L, 18, 6)));
    String html = OverviewPage.render(v, Role.VIEWER);

    assertNoMarkupFromData(html);
    assertThat(html).contains("<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
    assertThat(html).contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>");
    assertThat(html).contains("<code>\"&gt;&lt;img src=x onerror=alert(1)&gt;</code>");
    // the figures are still there: 12 of 18 boxes pre-annotated
    assertThat(html).contains("id=\"card-videos\">1<").contains("66.7 %");
  }

  @Test
  void theErrorAndLoginPagesEscapeTheirMessageAndNextPath() {
    assertThat(ErrorPage.render(404, SCRIPT, null))
        .doesNotContain(SCRIPT)
        .contains("<title>404 Not Found · keyframe</title>")
        .contains("&lt;script&gt;");
    String login = LoginPage.render("/" + BREAKOUT, SCRIPT);
    assertNoMarkupFromData(login);
    assertThat(login).contains("value=\"/&#34;>&lt;img src=x onerror=alert(1)>\"");
  }

  @Test
  void theNavigationMarksTheActivePageAndTheLoginPageHasNone() {
    String overview =
        OverviewPage.render(
            new OverviewView(
                null, 0, 0, 0, 0, null, 0, null, List.of(), List.of(), List.of(), List.of()),
            Role.ADMIN);
    assertThat(overview)
        .contains("<a href=\"/overview\" class=\"active\">Batch overview</a>")
        .contains("<a href=\"/compare\">Compare models</a>")
        .contains("<span class=\"badge\">admin</span>");
    assertThat(LoginPage.render("/overview", null))
        .doesNotContain("<nav>")
        .doesNotContain("Log out");
  }

  @Test
  void templatesAreCompiledAtBuildTimeAndNoTemplateCompilerIsOnTheClasspath() {
    assertThat(
            Templates.class
                .getClassLoader()
                .getResource("gg/jte/generated/precompiled/JteoverviewGenerated.class"))
        .isNotNull();
    assertThatThrownBy(() -> Class.forName("gg.jte.compiler.TemplateCompiler"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
