package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit-2 contract over the corpus in dataset/src/test/resources/bad/cli/ and inputs built at
 * run time: exit code 2, one message naming the file, no stack trace, nothing written.
 */
class BadInputCliTest extends InProcessCliTest {
  static final Path CORPUS =
      Path.of(System.getProperty("keyframe.root", ".."), "dataset/src/test/resources/bad/cli");
  static final Path CLIP =
      Path.of(System.getProperty("keyframe.shared", "../shared"), "videos", "bedroom.mp4");

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
  void everyCorpusFileIsExit2NamingTheFile(Path file) throws Exception {
    Path copy = tmp.resolve(file.getFileName());
    Files.copy(file, copy);
    assertExit2Naming(run("info", copy.toString()), file.getFileName().toString());
  }

  @Test
  void anUnterminatedCsvQuoteIsExit2NamingLineAndColumn() throws Exception {
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
  void aDirectoryGivenAsAFileIsExit2() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("gt.txt"));
    assertExit2Naming(run("info", dir.toString()), "gt.txt");
  }

  @Test
  void a5MbFieldIsNotEchoedWhole() throws Exception {
    Path big = tmp.resolve("big.txt");
    Files.writeString(big, "1,1,10,10," + "9".repeat(5_000_000) + "x,20,1,1,1\n");
    assertExit2Naming(run("info", big.toString()), "big.txt");
  }

  @Test
  void generateOntoAnExistingFileIsExit2AndLeavesIt() throws Exception {
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
  void sizesBeyondTheirBoundAreExit2BeforeAnyWork() {
    assertThat(run("generate", "--out", tmp.resolve("g").toString(), "--frames", "2147483647"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--frames").doesNotContain("OutOfMemory");
    assertThat(tmp.resolve("g")).doesNotExist();
  }

  int track(Path video, Path detections, Path out, String... more) {
    return run(
        List.of(
            "track",
            "--video",
            video.toString(),
            "--detections",
            detections.toString(),
            "--out",
            out.toString()),
        more);
  }

  /**
   * {@code track} over an MP4 cut short (issue 20, item 8): an error by default, a warning naming
   * the last good frame with {@code --allow-truncated-video}. The cut copy is made at run time from
   * the real clip in shared/videos (200 frames by ffprobe).
   */
  @Test
  void aTruncatedMp4IsExit2ByDefaultAndARecordedWarningWithTheFlag() throws IOException {
    assumeTrue(Files.isRegularFile(CLIP), "shared/videos/bedroom.mp4 not present");
    Path cut = fastStartCopyCutInHalf(CLIP, tmp.resolve("trunc.mp4"));
    Path dets = tmp.resolve("dets.mot.txt");
    Files.writeString(
        dets,
        "1,-1,100,100,60,80,0.9,1,1\n2,-1,102,100,60,80,0.9,1,1\n3,-1,104,100,60,80,0.9,1,1\n");

    Path strictOut = tmp.resolve("strict");
    int rc = track(cut, dets, strictOut);
    assertThat(rc).as("stderr: %s", err).isEqualTo(2);
    assertThat(err.toString())
        .contains("trunc.mp4")
        .contains("declares 200 frames")
        .contains("last good frame")
        .doesNotContain("\tat ");
    assertThat(strictOut.resolve("tracks.mot.txt")).doesNotExist();

    err.getBuffer().setLength(0);
    Path lenientOut = tmp.resolve("lenient");
    rc = track(cut, dets, lenientOut, "--allow-truncated-video");
    assertThat(rc).as("stderr: %s", err).isZero();
    Matcher m =
        Pattern.compile("warning: (trunc\\.mp4: .*last good frame (\\d+).*)")
            .matcher(err.toString());
    assertThat(m.find()).as("stderr: %s", err).isTrue();
    int lastGood = Integer.parseInt(m.group(2));
    // Cut at half of its data, the clip keeps roughly half of its 200 frames.
    assertThat(lastGood).isBetween(50, 150);
    assertThat(Files.readString(lenientOut.resolve("warnings.txt")).strip()).isEqualTo(m.group(1));
    assertThat(lenientOut.resolve("tracks.mot.txt")).exists();
  }

  /**
   * The clip rewritten "fast start" (ftyp, moov, then mdat, stco offsets moved) with only the first
   * half of its media data: the header still declares every frame.
   */
  static Path fastStartCopyCutInHalf(Path clip, Path to) throws IOException {
    byte[] f = Files.readAllBytes(clip);
    ByteBuffer b = ByteBuffer.wrap(f);
    Map<String, int[]> boxes = new HashMap<>(); // type -> {offset, length}
    for (int at = 0; at < f.length; at += b.getInt(at))
      boxes.put(new String(f, at + 4, 4, StandardCharsets.US_ASCII), new int[] {at, b.getInt(at)});
    int[] ftyp = boxes.get("ftyp"), moov = boxes.get("moov"), mdat = boxes.get("mdat");
    assertThat(moov[0]).as("the clip keeps its moov after mdat").isGreaterThan(mdat[0]);
    ByteBuffer header = ByteBuffer.wrap(f, moov[0], moov[1]).slice();
    int shift = ftyp[1] + moov[1] - mdat[0];
    for (int i = 4; i + 8 <= moov[1]; i++) {
      if (header.getInt(i) != 0x7374636f) continue; // "stco": 32-bit chunk offsets
      for (int e = 0, n = header.getInt(i + 8); e < n; e++)
        header.putInt(i + 12 + 4 * e, header.getInt(i + 12 + 4 * e) + shift);
    }
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.write(f, ftyp[0], ftyp[1]);
    copy.write(f, moov[0], moov[1]);
    copy.write(f, mdat[0], mdat[1] / 2);
    return Files.write(to, copy.toByteArray());
  }
}
