package io.keyframe.report.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every notebook in {@code notebooks/} top to bottom on outputs built from {@code
 * data-samples/} ({@link DemoOutputs}), so a notebook that no longer compiles against keyframe's
 * modules, or whose cells throw, fails the build. Pages land in {@code
 * target/notebook-suite/pages/} for a look.
 */
class NotebookSuiteTest {
  /**
   * A Tablesaw {@code print()}: a header row with column separators, a dashed rule, then at least
   * one row.
   */
  private static final Pattern TABLE = Pattern.compile("(?m)^.*\\|.*\\n-{5,}\\n.*\\S");

  private static final Path ROOT =
      Path.of(System.getProperty("keyframe.root", "..")).toAbsolutePath().normalize();
  private static final Path WORK = Path.of("target", "notebook-suite").toAbsolutePath();
  private static final Path DATA = WORK.resolve("data");
  private static final Path PAGES = WORK.resolve("pages");

  @BeforeAll
  static void buildOutputs() throws IOException {
    if (Files.exists(WORK)) {
      try (Stream<Path> s = Files.walk(WORK)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    DemoOutputs.write(ROOT.resolve("data-samples"), DATA);
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("notebooks"))) {
      return s.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
    }
  }

  @Test
  void theThreeAnalystNotebooksExist() throws IOException {
    assertThat(notebooks())
        .extracting(p -> p.getFileName().toString())
        .contains("agreement.jsh", "compare-models.jsh", "occlusion-identity.jsh");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void notebookRunsTopToBottomAndShowsTablesAndCharts(Path file) throws IOException {
    Notebook nb = Notebook.read(file);
    Path charts = PAGES.resolve(nb.name());
    // Any rejected snippet or exception surfaces here as a NotebookException naming the cell.
    List<NotebookRunner.CellResult> results = new NotebookRunner(DATA, charts).run(nb);
    Files.writeString(
        PAGES.resolve(nb.name() + ".html"),
        NotebookPage.render(nb, results, PAGES),
        StandardCharsets.UTF_8);

    long tables = results.stream().filter(r -> TABLE.matcher(r.output()).find()).count();
    assertThat(tables)
        .as("cells of %s that print a non-empty table", nb.name())
        .isGreaterThanOrEqualTo(2);
    List<Path> pngs = results.stream().flatMap(r -> r.charts().stream()).toList();
    assertThat(pngs).as("charts of %s", nb.name()).isNotEmpty();
    for (Path png : pngs) {
      assertThat(Files.size(png)).as("size of %s", png.getFileName()).isGreaterThan(5_000);
      assertThat(javax.imageio.ImageIO.read(png.toFile()))
          .as("%s decodes as an image", png.getFileName())
          .isNotNull();
    }
    long markdown = nb.cells().stream().filter(Notebook.Cell::markdown).count();
    assertThat(markdown)
        .as("%s explains itself in Markdown cells", nb.name())
        .isGreaterThanOrEqualTo(3);
  }
}
