package io.keyframe.report.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens and their roles. Only SHA-256 hashes of tokens are kept, so a heap dump or a
 * debugger never shows a usable token.
 */
public final class TokenStore {
  /** Shortest token accepted; shorter ones are guessable. */
  public static final int MIN_TOKEN_LENGTH = 16;

  private final Map<String, Role> roleByHash;

  private TokenStore(Map<String, Role> roleByHash) {
    this.roleByHash = Map.copyOf(roleByHash);
  }

  /** No tokens at all. */
  public static TokenStore empty() {
    return new TokenStore(Map.of());
  }

  /** One admin token (the {@code KEYFRAME_TOKEN} environment variable). */
  public static TokenStore singleAdmin(String token) {
    checkToken(token, "KEYFRAME_TOKEN");
    return new TokenStore(Map.of(sha256(token), Role.ADMIN));
  }

  /**
   * Reads {@code TOKEN ROLE} lines; blank lines and {@code #} comments are skipped. Errors name the
   * line, never the token.
   */
  public static TokenStore fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "tokens file " + file + ": not found or not a regular file");
    }
    checkMode(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "tokens file " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    return fromLines(lines);
  }

  /** Like ssh with its keys: a tokens file that group or others can read or write is refused. */
  static void checkMode(Path file) {
    java.util.Set<java.nio.file.attribute.PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      return; // not a POSIX file system: nothing to check
    }
    var open =
        java.util.EnumSet.of(
            java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
            java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    open.retainAll(perms);
    if (!open.isEmpty()) {
      throw new IllegalArgumentException(
          "tokens file "
              + file
              + " is accessible to other users (mode "
              + java.nio.file.attribute.PosixFilePermissions.toString(perms)
              + "); run: chmod 600 "
              + file);
    }
  }

  /** As {@link #fromFile}, from lines already read. */
  public static TokenStore fromLines(List<String> lines) {
    Map<String, Role> m = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "tokens file line " + (i + 1) + ": expected 'TOKEN ROLE'");
      }
      checkToken(parts[0], "tokens file line " + (i + 1));
      Role role;
      try {
        role = Role.parse(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tokens file line " + (i + 1) + ": " + e.getMessage());
      }
      if (m.put(sha256(parts[0]), role) != null) {
        throw new IllegalArgumentException("tokens file line " + (i + 1) + ": duplicate token");
      }
    }
    return new TokenStore(m);
  }

  /** The role of {@code token}, empty if unknown. */
  public Optional<Role> roleOf(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(roleByHash.get(sha256(token)));
  }

  /** Whether any token is configured. */
  public boolean isEmpty() {
    return roleByHash.isEmpty();
  }

  /** Number of tokens configured. */
  public int size() {
    return roleByHash.size();
  }

  /** Hashes held (hex SHA-256); exposed so tests can check no plain token is kept. */
  public java.util.Set<String> hashes() {
    return roleByHash.keySet();
  }

  /** Hex SHA-256 of the UTF-8 bytes of {@code s}. */
  public static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
  }

  private static void checkToken(String token, String where) {
    if (token == null || token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          where + ": token shorter than " + MIN_TOKEN_LENGTH + " characters");
    }
    if (!token.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException(where + ": token must be printable ASCII without spaces");
    }
  }
}
