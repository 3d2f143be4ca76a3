package io.keyframe.report.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions created by the login form. The cookie carries a random session ID, not the
 * token; only the ID's hash is stored, with the role, the token it was opened with (hashed) and an
 * expiry.
 *
 * <p>Bounded without ever refusing a login: one token holds at most {@link #MAX_PER_TOKEN} sessions
 * (its oldest is closed first), and when all tokens together reach {@link #MAX_SESSIONS}, the
 * oldest session of the token holding the most is closed. A login loop with one viewer token
 * therefore only ever evicts that token's own sessions, never an admin's.
 */
public final class Sessions {
  /** Session lifetime. */
  public static final Duration TTL = Duration.ofHours(12);

  /** Cap on live sessions, so a login loop cannot exhaust memory. */
  static final int MAX_SESSIONS = 10_000;

  /** Cap on live sessions opened with one token (a team sharing a token, many browsers each). */
  static final int MAX_PER_TOKEN = 200;

  private record Session(Role role, String tokenHash, long expiresAtMs) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byHash = new HashMap<>();

  /** Per token: its session hashes, oldest first. */
  private final Map<String, ArrayDeque<String>> byToken = new HashMap<>();

  private final Clock clock;

  /** Sessions on the system clock. */
  public Sessions() {
    this(Clock.systemUTC());
  }

  Sessions(Clock clock) {
    this.clock = clock;
  }

  /**
   * Opens a session for {@code role}, opened with a token whose hash is {@code tokenHash}; returns
   * the cookie value.
   */
  public synchronized String open(Role role, String tokenHash) {
    long now = clock.millis();
    if (byHash.size() >= MAX_SESSIONS) {
      for (String key : new ArrayList<>(byHash.keySet())) {
        if (byHash.get(key).expiresAtMs() <= now) {
          remove(key);
        }
      }
    }
    ArrayDeque<String> own = byToken.computeIfAbsent(tokenHash, t -> new ArrayDeque<>());
    while (own.size() >= MAX_PER_TOKEN) {
      remove(own.peekFirst());
    }
    while (byHash.size() >= MAX_SESSIONS) {
      ArrayDeque<String> largest =
          byToken.values().stream().max(Comparator.comparingInt(ArrayDeque::size)).orElseThrow();
      remove(largest.peekFirst());
    }
    byte[] id = new byte[32];
    random.nextBytes(id);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    String key = TokenStore.sha256(value);
    byHash.put(key, new Session(role, tokenHash, now + TTL.toMillis()));
    byToken.computeIfAbsent(tokenHash, t -> new ArrayDeque<>()).addLast(key);
    return value;
  }

  /** Live sessions (tests). */
  synchronized int size() {
    return byHash.size();
  }

  /** The role of a live session, empty if unknown or expired. */
  public synchronized Optional<Role> roleOf(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    String key = TokenStore.sha256(cookieValue);
    Session s = byHash.get(key);
    if (s == null) {
      return Optional.empty();
    }
    if (s.expiresAtMs() <= clock.millis()) {
      remove(key);
      return Optional.empty();
    }
    return Optional.of(s.role());
  }

  /** Ends a session (logout). */
  public synchronized void close(String cookieValue) {
    if (cookieValue != null && cookieValue.length() <= 100) {
      remove(TokenStore.sha256(cookieValue));
    }
  }

  private void remove(String key) {
    Session s = byHash.remove(key);
    if (s == null) {
      return;
    }
    ArrayDeque<String> own = byToken.get(s.tokenHash());
    if (own != null) {
      own.remove(key);
      if (own.isEmpty()) {
        byToken.remove(s.tokenHash());
      }
    }
  }
}
