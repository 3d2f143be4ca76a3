package io.keyframe.report.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login attempts per client: a token bucket of {@link #BURST} attempts refilled at one per {@link
 * #REFILL}. Guessing tokens (or filling the session table) from one address is slowed to a crawl; a
 * person mistyping a token a few times is not affected. Clients are keyed by remote address (behind
 * a reverse proxy, the proxy's; see README "TLS and a reverse proxy"); the least recently seen are
 * forgotten beyond {@link #MAX_CLIENTS}.
 */
public final class LoginThrottle {
  static final int BURST = 10;
  static final Duration REFILL = Duration.ofSeconds(6);
  static final int MAX_CLIENTS = 10_000;

  private record Bucket(double tokens, long atMs) {}

  private final Clock clock;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  public LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Takes one attempt for {@code client}; returns 0 if allowed, else the seconds to wait. */
  public synchronized long attempt(String client) {
    long now = clock.millis();
    Bucket b = buckets.get(client);
    double tokens =
        b == null
            ? BURST
            : Math.min(BURST, b.tokens() + (now - b.atMs()) / (double) REFILL.toMillis());
    if (tokens < 1) {
      buckets.put(client, new Bucket(tokens, now));
      return Math.max(1, (long) Math.ceil((1 - tokens) * REFILL.toSeconds()));
    }
    buckets.put(client, new Bucket(tokens - 1, now));
    return 0;
  }
}
