package io.keyframe.report.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions created by the login form. The cookie carries a random session ID, not the
 * token; only the ID's hash is stored, with the role and an expiry.
 */
public final class Sessions {
  /** Session lifetime. */
  public static final Duration TTL = Duration.ofHours(12);

  /** Cap on live sessions, so a login loop cannot exhaust memory. */
  static final int MAX_SESSIONS = 10_000;

  private record Session(Role role, long expiresAtMs) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byHash = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Sessions on the system clock. */
  public Sessions() {
    this(Clock.systemUTC());
  }

  Sessions(Clock clock) {
    this.clock = clock;
  }

  /** Opens a session for {@code role} and returns the cookie value. */
  public String open(Role role) {
    long now = clock.millis();
    if (byHash.size() >= MAX_SESSIONS) {
      byHash.values().removeIf(s -> s.expiresAtMs() <= now);
      if (byHash.size() >= MAX_SESSIONS) {
        throw new IllegalStateException("too many open sessions");
      }
    }
    byte[] id = new byte[32];
    random.nextBytes(id);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    byHash.put(TokenStore.sha256(value), new Session(role, now + TTL.toMillis()));
    return value;
  }

  /** The role of a live session, empty if unknown or expired. */
  public Optional<Role> roleOf(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    String key = TokenStore.sha256(cookieValue);
    Session s = byHash.get(key);
    if (s == null) {
      return Optional.empty();
    }
    if (s.expiresAtMs() <= clock.millis()) {
      byHash.remove(key);
      return Optional.empty();
    }
    return Optional.of(s.role());
  }

  /** Ends a session (logout). */
  public void close(String cookieValue) {
    if (cookieValue != null && cookieValue.length() <= 100) {
      byHash.remove(TokenStore.sha256(cookieValue));
    }
  }
}
