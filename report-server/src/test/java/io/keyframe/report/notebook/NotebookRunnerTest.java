package io.keyframe.report.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {
  @TempDir Path tmp;

  @Test
  void splitsMarkdownAndCodeCells() {
    Notebook nb =
        Notebook.parse(
            "n", List.of("// %% [markdown]", "// # Title", "// text", "// %%", "int x = 1;"));
    assertThat(nb.cells()).extracting(Notebook.Cell::markdown).containsExactly(true, false);
    assertThat(nb.cells().get(0).text()).isEqualTo("# Title\ntext");
    assertThat(nb.cells().get(1).firstLine()).isEqualTo(5);
  }

  @Test
  void runsCellsInOneSessionAndCapturesOutput() throws Exception {
    Notebook nb =
        Notebook.parse(
            "n",
            List.of(
                "// %%",
                "int x = 20 + 1;", "// %%", "System.out.println(\"x=\" + x * 2);", "x + 1"));
    var results = new NotebookRunner(tmp, tmp.resolve("out")).run(nb);
    assertThat(results.get(1).output()).isEqualTo("x=42\n22\n");
  }

  @Test
  void collectsChartsWrittenByACell() throws Exception {
    Notebook nb =
        Notebook.parse(
            "n",
            List.of(
                "// %%",
                "var img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);",
                "javax.imageio.ImageIO.write(img, \"png\", OUT.resolve(\"c.png\").toFile());"));
    var results = new NotebookRunner(tmp, tmp.resolve("out")).run(nb);
    assertThat(results.get(0).charts())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("c.png");
  }

  @Test
  void failingCellNamesNotebookAndLine() {
    Notebook nb =
        Notebook.parse(
            "broken", List.of("// %%", "int a = 1;", "// %%", "Object o = null; o.toString();"));
    assertThatThrownBy(() -> new NotebookRunner(tmp, tmp.resolve("out")).run(nb))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("notebook broken, cell at line 4")
        .hasMessageContaining("NullPointerException");
  }

  @Test
  void compileErrorsAreReported() {
    Notebook nb = Notebook.parse("typo", List.of("// %%", "int a = undefinedThing;"));
    assertThatThrownBy(() -> new NotebookRunner(tmp, tmp.resolve("out")).run(nb))
        .hasMessageContaining("cannot find symbol");
  }

  @Test
  void pageEscapesCodeAndOutput() throws Exception {
    Notebook nb =
        Notebook.parse(
            "n",
            List.of("// %% [markdown]", "// # <b>", "// %%", "System.out.println(\"<script>\");"));
    var results = new NotebookRunner(tmp, tmp.resolve("out")).run(nb);
    String html = NotebookPage.render(nb, results, tmp);
    assertThat(html)
        .contains("&lt;script&gt;")
        .doesNotContain("<script>")
        .contains("<h1>&lt;b&gt;</h1>");
    Files.writeString(tmp.resolve("p.html"), html);
  }

  @Test
  void predefinedVariablesSurviveOnDemandImports() throws Exception {
    Notebook nb =
        Notebook.parse(
            "n",
            List.of(
                "// %%",
                "import java.util.*; import java.util.stream.*;",
                "// %%",
                "System.out.println(DATA != null && OUT != null);"));
    var results = new NotebookRunner(tmp, tmp.resolve("out")).run(nb);
    assertThat(results.get(1).output()).isEqualTo("true\n");
  }

  @Test
  void markdownJoinsWrappedLinesIntoParagraphsAndListItems() {
    String html =
        NotebookPage.markdown(
            "# Title\nfirst line\nsecond line\n\n- item one\n  continued\n- item two");
    assertThat(html)
        .isEqualTo(
            "<h1>Title</h1>\n<p>first line second line</p>\n<ul><li>item one continued</li><li>item two</li></ul>\n");
  }

  @Test
  void extraClassPathReachesTheNotebookButNotTheHostJvm() throws Exception {
    // A class that exists nowhere on this JVM's class path, compiled here into its own folder.
    Path src = Files.createDirectories(tmp.resolve("src/extra"));
    Files.writeString(
        src.resolve("Answer.java"),
        "package extra; public final class Answer { public static int value() { return 42; } }");
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    int rc =
        javax.tools.ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.resolve("Answer.java").toString());
    assertThat(rc).isZero();
    Notebook nb =
        Notebook.parse(
            "extra",
            List.of(
                "// %%",
                "import extra.Answer;",
                "System.out.println(Answer.value());",
                "System.out.println(Answer.class.getClassLoader() == ClassLoader.getSystemClassLoader());"));

    var results = new NotebookRunner(tmp, tmp.resolve("out"), List.of(classes)).run(nb);

    assertThat(results.get(0).output()).isEqualTo("42\nfalse\n");
    assertThatThrownBy(() -> Class.forName("extra.Answer"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> new NotebookRunner(tmp, tmp.resolve("out")).run(nb))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("notebook extra, cell at line 2")
        .hasMessageContaining("package extra does not exist");
  }

  @Test
  void classPathOptionSplitsOnThePathSeparatorAndSkipsBlanks() {
    String sep = java.io.File.pathSeparator;
    assertThat(NotebookMain.classPathEntries("a.jar" + sep + sep + "lib/classes" + sep))
        .containsExactly(Path.of("a.jar"), Path.of("lib/classes"));
  }
}
