package io.keyframe.dataset.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The secret behind every pseudonym. Looked up in this order: the environment variable {@value
 * #ENV}, an explicit key file, the default file {@code ~/.config/keyframe/pseudonym.key} (generated
 * from {@link SecureRandom} with owner-only permissions on first use). The key text's UTF-8 bytes
 * are the HMAC key, so the same text in the variable or in a file gives the same pseudonyms.
 *
 * <p>{@link #toString()} never shows the key.
 */
public final class PseudonymKey {
  /** Environment variable holding the key text. */
  public static final String ENV = "KEYFRAME_PSEUDONYM_KEY";

  /** Shortest accepted key text; the generated key is 64 hex characters (256 bits). */
  public static final int MIN_LENGTH = 32;

  private final byte[] secret;
  private final String origin;

  private PseudonymKey(String text, String origin) {
    String t = text.strip();
    if (t.length() < MIN_LENGTH)
      throw new IllegalArgumentException(
          "pseudonym key from " + origin + " is shorter than " + MIN_LENGTH + " characters");
    this.secret = t.getBytes(StandardCharsets.UTF_8);
    this.origin = origin;
  }

  /** A key given directly (tests, callers with their own secret store). */
  public static PseudonymKey of(String text) {
    return new PseudonymKey(text, "an explicit value");
  }

  /**
   * The key for this process: from {@code env} ({@value #ENV}), else {@code keyFile} when not null,
   * else {@code <home>/.config/keyframe/pseudonym.key}, generated if absent.
   */
  public static PseudonymKey load(Map<String, String> env, Path keyFile, Path home)
      throws IOException {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) return new PseudonymKey(fromEnv, "$" + ENV);
    if (keyFile != null) return readFile(keyFile);
    Path dflt = defaultFile(home);
    if (!Files.exists(dflt)) generate(dflt);
    return readFile(dflt);
  }

  /** The key for this process from the real environment and home folder. */
  public static PseudonymKey load(Path keyFile) throws IOException {
    return load(System.getenv(), keyFile, Path.of(System.getProperty("user.home")));
  }

  /** {@code <home>/.config/keyframe/pseudonym.key}. */
  public static Path defaultFile(Path home) {
    return home.resolve(".config").resolve("keyframe").resolve("pseudonym.key");
  }

  /**
   * Refuses a key file inside {@code outputRoot}: a key shipped with the outputs would let anyone
   * holding them reverse the pseudonyms by trying candidate identifiers.
   */
  public static void requireOutside(Path keyFile, Path outputRoot) {
    Path k = keyFile.toAbsolutePath().normalize();
    Path o = outputRoot.toAbsolutePath().normalize();
    if (k.startsWith(o))
      throw new IllegalArgumentException(
          "the pseudonym key file must not live inside the output folder");
  }

  byte[] secret() {
    return secret.clone();
  }

  /** Where the key came from (variable or file), never the key itself. */
  @Override
  public String toString() {
    return "PseudonymKey(from " + origin + ")";
  }

  private static PseudonymKey readFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new IOException("pseudonym key file not found: " + file);
    if (isPosix(file)) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      for (PosixFilePermission p : perms)
        if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))
          throw new IOException(
              "pseudonym key file " + file + " is accessible by others; run: chmod 600 " + file);
    }
    return new PseudonymKey(
        Files.readString(file, StandardCharsets.UTF_8), "key file " + file.getFileName());
  }

  private static void generate(Path file) throws IOException {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    byte[] text = (HexFormat.of().formatHex(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
    Path dir = file.getParent();
    Files.createDirectories(dir);
    try {
      if (isPosix(dir)) {
        // Created with 600 from the start: no window in which another user could read it.
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException raced) {
      return; // another process generated it first; use theirs
    }
    Files.write(file, text);
  }

  private static boolean isPosix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
