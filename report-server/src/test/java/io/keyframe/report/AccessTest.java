package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keyframe.report.auth.Role;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.web.ReportServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AccessTest {
  @Test
  void tokenFileKeepsOnlySha256Hashes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens");
    Files.writeString(
        file, "abcdefghijklmnop0001 viewer\n# comment\n\nABCDEFGHIJKLMNOP0002 REVIEWER\n");
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> TokenStore.fromFile(file))
        .hasMessageContaining("accessible to other users (mode rw-r--r--)")
        .hasMessageContaining("chmod 600");
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    TokenStore store = TokenStore.fromFile(file);
    assertThat(store.size()).isEqualTo(2);
    // SHA-256("abcdefghijklmnop0001"), computed with `printf %s abcdefghijklmnop0001 | sha256sum`.
    assertThat(store.hashes())
        .contains("0d78f3311f840a273d802a277609e0b5166e086d1ea6bc0ad2625608f09c83cb");
    assertThat(store.hashes()).noneMatch(h -> h.contains("abcdefghijklmnop"));
    assertThat(store.roleOf("abcdefghijklmnop0001")).contains(Role.VIEWER);
    assertThat(store.roleOf("ABCDEFGHIJKLMNOP0002")).contains(Role.REVIEWER);
    assertThat(store.roleOf("abcdefghijklmnop0002")).isEmpty();
    assertThat(store.roleOf(null)).isEmpty();
  }

  @Test
  void aMissingTokensFileIsAnErrorNamingIt(@TempDir Path dir) {
    assertThatThrownBy(() -> TokenStore.fromFile(dir.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> TokenStore.fromFile(dir)).hasMessageContaining("not a regular file");
  }

  @Test
  void sha256MatchesTheStandardTestVector() {
    // FIPS 180-2 appendix B.1: SHA-256("abc").
    assertThat(TokenStore.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void badTokenLinesNameTheLineButNeverTheToken() {
    assertThatThrownBy(() -> TokenStore.fromLines(List.of("abcdefghijklmnop0001 superuser")))
        .hasMessageContaining("line 1")
        .hasMessageContaining("unknown role")
        .hasMessageNotContaining("abcdefghijklmnop0001");
    assertThatThrownBy(() -> TokenStore.fromLines(List.of("short viewer")))
        .hasMessageContaining("shorter than 16")
        .hasMessageNotContaining("short viewer");
    assertThatThrownBy(
            () ->
                TokenStore.fromLines(
                    List.of("abcdefghijklmnop0001 viewer", "abcdefghijklmnop0001 admin")))
        .hasMessageContaining("line 2: duplicate");
    assertThatThrownBy(() -> TokenStore.fromLines(List.of("abcdefghijklmnop0001")))
        .hasMessageContaining("expected 'TOKEN ROLE'");
  }

  @Test
  void rolesAreOrdered() {
    assertThat(Role.ADMIN.atLeast(Role.REVIEWER)).isTrue();
    assertThat(Role.REVIEWER.atLeast(Role.VIEWER)).isTrue();
    assertThat(Role.VIEWER.atLeast(Role.REVIEWER)).isFalse();
  }

  @Test
  void refusesNonLoopbackHostsWithoutTokens() {
    assertThatThrownBy(() -> ReportServer.checkExposure("0.0.0.0", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("non-loopback");
    assertThatCode(() -> ReportServer.checkExposure("127.0.0.1", false)).doesNotThrowAnyException();
    assertThatCode(() -> ReportServer.checkExposure("localhost", false)).doesNotThrowAnyException();
    assertThatCode(() -> ReportServer.checkExposure("0.0.0.0", true)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new ReportServer(Path.of("."), TokenStore.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEntryPointExitsNonZeroOnAnOpenHostWithoutTokens(@TempDir Path dir) {
    assumeTrue(
        System.getenv("KEYFRAME_TOKEN") == null, "KEYFRAME_TOKEN is set in this environment");
    int code =
        new CommandLine(new ReportServerMain())
            .execute("--data", dir.toString(), "--host", "0.0.0.0", "--port", "0");
    assertThat(code).isEqualTo(1);
  }
}
