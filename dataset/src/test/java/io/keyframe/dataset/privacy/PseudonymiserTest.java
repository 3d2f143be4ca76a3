package io.keyframe.dataset.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiserTest {
  static final String KEY = "0123456789abcdef0123456789abcdef";
  @TempDir Path home;

  @Test
  void pseudonymIsThePrefixAndTheFirstEightHexOfHmacSha256OverKindAndId() {
    // Oracle: printf '%s' 'video:patient-17_room3.mp4' | openssl dgst -sha256 -hmac
    // 0123456789abcdef0123456789abcdef
    Pseudonymiser p = new Pseudonymiser(PseudonymKey.of(KEY));
    assertThat(p.fullHash(Pseudonymiser.Kind.VIDEO, "patient-17_room3.mp4"))
        .isEqualTo("2368e68fbd92abfefbed5c60f8918082795f65ed66f2d47879975c4ead86d673");
    assertThat(p.video("patient-17_room3.mp4")).isEqualTo("vid-2368e68f");
  }

  @Test
  void sameIdAndKeyGiveTheSamePseudonymAndOtherKindsOrKeysDoNot() {
    Pseudonymiser a = new Pseudonymiser(PseudonymKey.of(KEY));
    Pseudonymiser b = new Pseudonymiser(PseudonymKey.of(KEY.toUpperCase()));
    assertThat(a.video("v1")).isEqualTo(new Pseudonymiser(PseudonymKey.of(KEY)).video("v1"));
    assertThat(a.video("v1")).isNotEqualTo(b.video("v1"));
    assertThat(a.patient("v1").substring(4)).isNotEqualTo(a.video("v1").substring(4));
    assertThat(a.annotator("Dr. Alice Smith")).matches("ann-[0-9a-f]{8}");
  }

  @Test
  void tenThousandIdsGiveDistinctPseudonyms() {
    Pseudonymiser p = new Pseudonymiser(PseudonymKey.of(KEY));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) seen.add(p.video("video-" + i));
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void environmentVariableWinsOverKeyFile() throws Exception {
    Path file = Files.writeString(home.resolve("k"), "f".repeat(40));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    PseudonymKey fromEnv = PseudonymKey.load(Map.of(PseudonymKey.ENV, KEY), file, home);
    assertThat(new Pseudonymiser(fromEnv).video("x"))
        .isEqualTo(new Pseudonymiser(PseudonymKey.of(KEY)).video("x"));
    assertThat(fromEnv.toString()).doesNotContain(KEY);
  }

  @Test
  void withoutEnvOrFileAKeyIsGeneratedOnceWithOwnerOnlyPermissionsAndReused() throws Exception {
    PseudonymKey first = PseudonymKey.load(Map.of(), null, home);
    Path file = PseudonymKey.defaultFile(home);
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
    PseudonymKey again = PseudonymKey.load(Map.of(), null, home);
    assertThat(new Pseudonymiser(again).video("v")).isEqualTo(new Pseudonymiser(first).video("v"));
    assertThat(first.toString()).doesNotContain(Files.readString(file).strip());
  }

  @Test
  void keyFileReadableByOthersIsRefused() throws Exception {
    Path file = Files.writeString(home.resolve("k"), KEY);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> PseudonymKey.load(Map.of(), file, home))
        .hasMessageContaining("chmod 600");
  }

  @Test
  void shortKeysAndKeysInsideTheOutputFolderAreRefused() {
    assertThatThrownBy(() -> PseudonymKey.of("short")).hasMessageContaining("shorter than 32");
    assertThatThrownBy(
            () -> PseudonymKey.requireOutside(home.resolve("out/key"), home.resolve("out")))
        .hasMessageContaining("must not live inside the output folder");
    PseudonymKey.requireOutside(home.resolve("keys/key"), home.resolve("out"));
  }
}
