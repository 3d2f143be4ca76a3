package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit-2 contract over the corpus in dataset/src/test/resources/bad/cli/ and inputs built at
 * run time: exit code 2, one message naming the file, no stack trace, nothing written.
 */
class BadInputCliTest {
  static final Path CORPUS =
      Path.of(System.getProperty("keyframe.root", ".."), "dataset/src/test/resources/bad/cli");

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void isolate() {
    System.setProperty("user.home", tmp.resolve("home").toString());
    System.setProperty("keyframe.audit.log", tmp.resolve("audit.jsonl").toString());
  }

  int run(String... args) {
    return KeyframeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  static Stream<Path> corpus() throws Exception {
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(CORPUS)) {
      s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    return files.stream();
  }

  private void assertExit2Naming(int rc, String name) {
    assertThat(rc).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(err.toString()).contains(name).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(err.toString().length()).as("message length").isLessThan(2_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void every_corpus_file_is_exit_2_naming_the_file(Path file) throws Exception {
    Path copy = tmp.resolve(file.getFileName());
    Files.copy(file, copy);
    assertExit2Naming(run("info", copy.toString()), file.getFileName().toString());
  }

  @Test
  void an_unterminated_csv_quote_is_exit_2_naming_line_and_column() throws Exception {
    Path csv = tmp.resolve("ratings.csv");
    Files.writeString(csv, "item,rater,label\n1,A,bed_rail\n1,\"B,iv_pole\n");
    assertExit2Naming(run("agreement", "--labels", csv.toString()), "ratings.csv");
    assertThat(err.toString())
        .contains("line 3")
        .contains("column 2")
        .contains("unterminated quote");
    // A quoted field that closes is one field, commas and doubled quotes included.
    Files.writeString(
        csv, "item,rater,label\n1,A,\"bed, rail\"\n1,B,\"bed, rail\"\n2,A,x\n2,B,y\n");
    assertThat(run("agreement", "--labels", csv.toString())).as("stderr: %s", err).isZero();
  }

  @Test
  void a_directory_given_as_a_file_is_exit_2() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("gt.txt"));
    assertExit2Naming(run("info", dir.toString()), "gt.txt");
  }

  @Test
  void a_5_mb_field_is_not_echoed_whole() throws Exception {
    Path big = tmp.resolve("big.txt");
    Files.writeString(big, "1,1,10,10," + "9".repeat(5_000_000) + "x,20,1,1,1\n");
    assertExit2Naming(run("info", big.toString()), "big.txt");
  }

  @Test
  void generate_onto_an_existing_file_is_exit_2_and_leaves_it() throws Exception {
    Path file = Files.writeString(tmp.resolve("keep.txt"), "mine");
    assertExit2Naming(
        run(
            "generate",
            "--out",
            file.toString(),
            "--videos",
            "1",
            "--frames",
            "5",
            "--objects",
            "1"),
        "keep.txt");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void sizes_beyond_their_bound_are_exit_2_before_any_work() {
    assertThat(run("generate", "--out", tmp.resolve("g").toString(), "--frames", "2147483647"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--frames").doesNotContain("OutOfMemory");
    assertThat(tmp.resolve("g")).doesNotExist();
  }
}
