package io.keyframe.dataset.mot;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.Utf8Input;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines cut from the bytes are the lines {@link BufferedReader#readLine()} returns, numbered alike.
 */
class MotLinesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1,2,3",
        "1,2,3\n",
        "1,2\n\n3,4\n",
        "1,2\r3,4\r\n5,6\n\r7",
        "\r\n\r\n",
        "\uFEFF1,2\n3,4",
        "1,caf\u00e9\n2,x\n",
        "\uFEFF1,\u00e9\r2",
        "\uFEFF1,2.5,-3\r\n\r\n 4 ,5e1,6.\n\n",
        "1,-1,183.989,316.404,99.962,180.569,1,-1,-1,-1\r\n2,07,+0.5,-0,1.,.5,1e-3,x,,\r\n",
        "\t\n \r\n,\n1,2,3"
      })
  void linesAreReadLineLines(String content) throws IOException {
    Path f = dir.resolve("f.txt");
    Files.write(f, content.getBytes(StandardCharsets.UTF_8));
    List<String> want = new ArrayList<>();
    try (BufferedReader r = Utf8Input.reader(f)) {
      for (String l = r.readLine(); l != null; l = r.readLine()) want.add(l);
    }
    MotLines.Reading<List<String>> reading =
        lines -> {
          List<String> got = new ArrayList<>();
          MotLine l = new MotLine();
          for (int pass = 0; pass < 2; pass++) {
            got.clear();
            while (lines.next(l)) {
              assertThat(l.number()).isEqualTo(got.size() + 1);
              String[] wantFields = want.get(got.size()).split(",", -1);
              assertThat(l.columns()).isEqualTo(wantFields.length);
              List<String> fields = new ArrayList<>();
              for (int k = 0; k < l.columns(); k++) {
                JdkFields.assertSameAsJdk(l, k, wantFields[k]);
                fields.add(l.text(k));
              }
              got.add(String.join(",", fields));
            }
            lines.restart();
          }
          return got;
        };
    List<String> trimmed = new ArrayList<>();
    for (String w : want) {
      List<String> fields = new ArrayList<>();
      for (String x : w.split(",", -1)) fields.add(x.trim());
      trimmed.add(String.join(",", fields));
    }
    // Both routes: the file's bytes (a non-ASCII file falls back to decoding) and decoded.
    assertThat(MotLines.read(f, reading)).isEqualTo(trimmed);
    assertThat(MotLines.decoded(f, reading)).isEqualTo(trimmed);
  }

  @Test
  void asciiMeansNoByteFrom0x80AtAnyPositionAfterTheStart() {
    for (int length = 0; length <= 20; length++)
      for (int from = 0; from <= Math.min(3, length); from++) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) '7');
        assertThat(MotLines.isAscii(b, from)).isTrue();
        for (int at = 0; at < length; at++) {
          b[at] = (byte) 0x80;
          assertThat(MotLines.isAscii(b, from))
              .as("%d bytes, 0x80 at %d", length, at)
              .isEqualTo(at < from);
          b[at] = (byte) 0xff;
          assertThat(MotLines.isAscii(b, from)).isEqualTo(at < from);
          b[at] = '7';
        }
      }
  }
}
